// Package syncer copies Business Central into the store: the first run
// backfills a year of paid invoices, later runs fetch only what changed,
// --full re-reads the window and reconciles deletions, and a run killed at
// any instant resumes from its last committed page. docs/SYNC.md explains
// the choices (dates, window, overlap, resume, concurrency, history).
//
// The engine never imports ui or cmd: the console and `bcspend sync` both
// call Run and draw Progress their own way.
package syncer
