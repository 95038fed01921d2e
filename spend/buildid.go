package spend

import (
	"bytes"
	"debug/elf"
	"debug/macho"
	"io"
	"os"
	"runtime"
	"sync"
)

// buildID is the Go build ID of the running executable: a hash of its code,
// the embedded catalog and vocabulary and the toolchain, so a new bcspend
// (or a test binary of changed code) never reads decisions an older one
// stored. "" when it cannot be read (a binary linked with -buildid=, an
// unknown format): then no decision is stored or read. A variable so that
// tests can stand in another build.
var buildID = sync.OnceValue(readBuildID)

// readBuildID reads the build ID as 'go tool buildid' does: the ELF note
// the linker writes, or the marker at the start of the text on Mach-O and
// PE. On Linux it reads /proc/self/exe, the file this process runs even when
// an upgrade has replaced the path meanwhile.
func readBuildID() string {
	path := "/proc/self/exe"
	if runtime.GOOS != "linux" {
		p, err := os.Executable()
		if err != nil {
			return ""
		}
		path = p
	}
	if f, err := elf.Open(path); err == nil {
		defer f.Close()
		return elfBuildID(f)
	}
	if f, err := macho.Open(path); err == nil {
		defer f.Close()
		if s := f.Section("__text"); s != nil {
			return rawBuildID(io.NewSectionReader(s, 0, 1024))
		}
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	return rawBuildID(io.LimitReader(f, 32<<10))
}

// elfBuildID is the desc of the "Go" note of type 4 (the build ID).
func elfBuildID(f *elf.File) string {
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	note, err := s.Data()
	if err != nil || len(note) < 16 {
		return ""
	}
	bo := f.ByteOrder
	nameSize, descSize, typ := bo.Uint32(note), bo.Uint32(note[4:]), bo.Uint32(note[8:])
	if nameSize != 4 || typ != 4 || string(note[12:16]) != "Go\x00\x00" || uint64(descSize) > uint64(len(note)-16) {
		return ""
	}
	return string(note[16 : 16+descSize])
}

var (
	buildIDStart = []byte("\xff Go build ID: \"")
	buildIDEnd   = []byte("\"\n \xff")
)

// rawBuildID finds the linker's `\xff Go build ID: "<id>"\n \xff` in r.
func rawBuildID(r io.Reader) string {
	data, err := io.ReadAll(r)
	if err != nil {
		return ""
	}
	i := bytes.Index(data, buildIDStart)
	if i < 0 {
		return ""
	}
	data = data[i+len(buildIDStart):]
	j := bytes.Index(data, buildIDEnd)
	if j <= 0 {
		return ""
	}
	return string(data[:j])
}
