package service

import (
	"context"

	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// Sync opens a client for the saved connection and runs one sync: the
// same engine for `bcspend sync` and the console's sync action. It first
// takes the file's sync lock, waiting for a sync another process runs (up
// to opt.Wait): one sync at a time per file, while everything else reads
// and writes between its pages. The file is then checked page by page: a
// sync writes throughout, and a damaged file must not be written to at all.
func Sync(ctx context.Context, db *store.DB, opt Options, so syncer.Options) (syncer.Summary, error) {
	lock, err := store.LockSync(ctx, db.Path(), opt.syncWait(), opt.OnWait)
	if err != nil {
		return syncer.Summary{Outcome: store.OutcomeFailed}, err
	}
	defer lock.Release()
	if err := db.Verify(); err != nil {
		return syncer.Summary{Outcome: store.OutcomeFailed}, err
	}
	client, conn, err := OpenClient(db, opt)
	if err != nil {
		return syncer.Summary{Outcome: store.OutcomeFailed}, err
	}
	return syncer.Run(ctx, db, client, conn, so)
}
