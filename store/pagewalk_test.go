package store

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// The walk reads a mapped file where it can and with ReadAt where it
// cannot (mapPages): both must find the same damage, in the same words.
func TestPageWalkMappedAndReadAgree(t *testing.T) {
	seed, err := os.ReadFile(sampleFileOf(t, 1, false))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "damaged.db")
	r := rand.New(rand.NewPCG(3, 4))
	damaged := 0
	for i := range 400 {
		data := append([]byte(nil), seed...)
		if i > 0 {
			for range 1 + r.IntN(8) {
				data[r.IntN(len(data))] = byte(r.IntN(256))
			}
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		mapped := walkWith(t, path, mapPages)
		read := walkWith(t, path, func(*os.File, int64) ([]byte, func()) { return nil, func() {} })
		if mapped != read {
			t.Fatalf("file %d: mapped walk says %q, read walk %q", i, mapped, read)
		}
		if mapped != "" {
			damaged++
		}
	}
	if damaged == 0 {
		t.Fatal("no damaged file among the samples: the comparison tested nothing")
	}
}

func walkWith(t *testing.T, path string, m func(*os.File, int64) ([]byte, func())) string {
	t.Helper()
	defer func(old func(*os.File, int64) ([]byte, func())) { mapForWalk = old }(mapForWalk)
	mapForWalk = m
	if err := walkFile(path); err != nil {
		return err.Error()
	}
	return ""
}
