package spend

import (
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Almost everything Load allocates is the model it returns: the decoded
// invoices, their transactions, units and inputs (some 240 MB for 400,000
// lines), kept until the next Load. A collection during Load therefore
// marks a heap that only grows (the catalog, the model so far) and frees
// next to nothing: in the 400,000-line benchmark the collections inside a
// cold Load reclaimed 1-2% of the heap (gctrace "253->274->269 MB") and
// took a third of its CPU. So Load raises the collector's target to
// loadGCPercent while it runs and puts the process's own setting back when
// it returns: the garbage Load does make (scan chunks, a cold matcher's
// scratch) is still collected, once the heap passes five times what was
// live at the last collection, and the memory at the peak is what the
// model holds plus that garbage, about what it was with collections that
// found nothing to free.
//
// The setting is process-wide, so overlapping Loads share one raise: the
// first in sets it, the last out restores it. A process that turned the
// collector off (GOGC=off) or set a higher target keeps its own.
const loadGCPercent = 400

var loadGC struct {
	mu     sync.Mutex
	n      int  // Loads running
	raised bool // the setting is loadGCPercent and prev is to be restored
	prev   int
}

// holdGC raises the collector's target for one Load; the returned func
// restores it (once every overlapping Load has returned).
func holdGC() (release func()) {
	loadGC.mu.Lock()
	defer loadGC.mu.Unlock()
	if loadGC.n == 0 {
		cur := gcPercent()
		loadGC.raised = cur >= 0 && cur < loadGCPercent
		if loadGC.raised {
			loadGC.prev = debug.SetGCPercent(loadGCPercent)
		}
	}
	loadGC.n++
	var once sync.Once
	return func() {
		once.Do(func() {
			loadGC.mu.Lock()
			defer loadGC.mu.Unlock()
			loadGC.n--
			if loadGC.n == 0 && loadGC.raised {
				debug.SetGCPercent(loadGC.prev)
				loadGC.raised = false
			}
		})
	}
}

// gcPercent is the collector's current target (GOGC; -1 when off).
func gcPercent() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return -1
	}
	v := s[0].Value.Uint64()
	if v > 1<<30 {
		return -1
	}
	return int(v)
}
