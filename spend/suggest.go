package spend

import "sync"

// suggestLimit bounds how many unmatched vendors get a catalog suggestion:
// a catalog search costs a fuzzy comparison with every application, and
// the admin fixes the biggest vendors first.
const suggestLimit = 200

// suggestions caches the catalog's best guess per vendor name. Vendor
// names do not change when rules do, so the cache outlives re-matches.
type suggestions struct {
	mu    sync.Mutex
	cache map[string]string
}

// fill sets Suggestion on the first suggestLimit rows.
func (m *Model) fillSuggestions(rows []UnmatchedRow) {
	if m.cat == nil {
		return
	}
	m.sugg.mu.Lock()
	defer m.sugg.mu.Unlock()
	if m.sugg.cache == nil {
		m.sugg.cache = map[string]string{}
	}
	for i := range rows[:min(len(rows), suggestLimit)] {
		s, ok := m.sugg.cache[rows[i].VendorName]
		if !ok {
			if apps := m.cat.Search(rows[i].VendorName, 1); len(apps) > 0 {
				s = apps[0].Name
			}
			m.sugg.cache[rows[i].VendorName] = s
		}
		rows[i].Suggestion = s
	}
}
