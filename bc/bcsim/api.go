package bcsim

import (
	"bytes"
	"errors"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/bcspend/bcspend/bc"
)

// The BC side: {api}/v2.0/{tenant}/{env}/api/v2.0/... and the automation
// root .../api/microsoft/automation/v2.0/...

// route is a parsed BC URL.
type route struct {
	tenant, env string
	automation  bool
	segs        []string // after the API root
	set         string   // entity set, the stats key
}

func parseRoute(path string) (route, bool) {
	parts := strings.Split(strings.TrimSuffix(path, "/"), "/")
	if len(parts) < 5 || parts[0] != "v2.0" || parts[3] != "api" {
		return route{}, false
	}
	rt := route{tenant: parts[1], env: parts[2]}
	switch {
	case parts[4] == "v2.0":
		rt.segs = parts[5:]
	case len(parts) >= 7 && parts[4] == "microsoft" && parts[5] == "automation" && parts[6] == "v2.0":
		rt.automation, rt.segs = true, parts[7:]
	default:
		return route{}, false
	}
	if len(rt.segs) == 0 {
		return route{}, false
	}
	last := rt.segs[len(rt.segs)-1]
	if last == "$count" && len(rt.segs) > 1 {
		last = rt.segs[len(rt.segs)-2] // a count is a request on its entity set
	}
	rt.set, _, _ = splitKey(last)
	return rt, true
}

// splitKey splits "purchaseInvoices(id)" into the set and the key.
func splitKey(seg string) (name, key string, hasKey bool) {
	name, rest, ok := strings.Cut(seg, "(")
	if !ok {
		return seg, "", false
	}
	key = strings.TrimSuffix(rest, ")")
	key = strings.Trim(key, "'{}")
	return name, key, true
}

func (t *Tenant) serveAPI(w http.ResponseWriter, r *http.Request, path string) {
	rt, ok := parseRoute(path)
	set := rt.set
	if !ok {
		set = "unknown"
	}
	tw := &trackWriter{ResponseWriter: w, end: t.begin(set)}
	defer tw.done()
	w = tw
	if d := t.cfg.Latency; d > 0 {
		timer := time.NewTimer(d)
		select {
		case <-timer.C:
			t.statsDo(func(s *Stats) { s.Injected += d })
		case <-r.Context().Done():
			timer.Stop()
			return
		}
	}
	if k, f := t.faults.next(); inject(w, k, f) {
		t.statsDo(func(s *Stats) { s.Faults++ })
		return
	}
	if t.faults.rateLimited(t.Now()) {
		t.statsDo(func(s *Stats) { s.Faults++; s.RateLimited++ })
		throttle(w)
		return
	}
	c, ok2 := t.authenticate(w, r)
	if !ok2 {
		return
	}
	switch {
	case !ok:
		bcError(w, http.StatusNotFound, "BadRequest_NotFound", "No HTTP resource was found that matches the request URI.")
	case !strings.EqualFold(rt.env, Environment):
		xmlError(w, http.StatusNotFound, "NoEnvironment", "Environment does not exist.")
	case !knownTenant(rt.tenant):
		unauthorized(w, "The tenant in the URL does not match the token")
	case r.Method != http.MethodGet:
		bcError(w, http.StatusMethodNotAllowed, "BadRequest_MethodNotAllowed", "The simulated tenant is read-only.")
	default:
		t.dispatch(w, r, rt, c)
	}
}

// authenticate checks the bearer token the way BC's layers do: the routing
// layer rejects a foreign audience in XML, BC itself answers JSON 401 when
// the app is not set up in BC or the token carries no permission.
func (t *Tenant) authenticate(w http.ResponseWriter, r *http.Request) (claims, bool) {
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || tok == "" {
		unauthorized(w, "The token is missing")
		return claims{}, false
	}
	c, err := t.verify(strings.TrimSpace(tok))
	switch {
	case errors.Is(err, errExpiredToken):
		unauthorized(w, "The token is expired")
		return c, false
	case err != nil:
		unauthorized(w, "The token is invalid")
		return c, false
	case c.Aud != Resource:
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token", error_description="The audience is invalid"`)
		xmlError(w, http.StatusUnauthorized, "Unauthorized", "Unauthorized")
		return c, false
	case c.Tid != TenantID:
		unauthorized(w, "The token is for another tenant")
		return c, false
	}
	if c.Scp != "" {
		if !hasWord(c.Scp, DelegatedScope) && !hasWord(c.Scp, "user_impersonation") {
			unauthorized(w, "The token has no Business Central scope")
			return c, false
		}
		return c, true
	}
	a := lookupApp(c.AppID)
	if a == nil || !a.inBC || !hasRole(c, RoleAPI) {
		unauthorized(w, "The application is not set up in Business Central or has no permissions")
		return c, false
	}
	return c, true
}

func hasRole(c claims, role string) bool {
	for _, r := range c.Roles {
		if r == role {
			return true
		}
	}
	return false
}

func (t *Tenant) apiRoot(r *http.Request, rt route) string {
	root := "http://" + r.Host + "/bc/v2.0/" + rt.tenant + "/" + rt.env + "/api"
	if rt.automation {
		return root + "/microsoft/automation/v2.0"
	}
	return root + "/v2.0"
}

func notFound(w http.ResponseWriter, what string) {
	bcError(w, http.StatusNotFound, "BadRequest_ResourceNotFound", "The "+what+" does not exist. Identification fields and values: Id='...'")
}

func (t *Tenant) dispatch(w http.ResponseWriter, r *http.Request, rt route, c claims) {
	q, err := parseQuery(r)
	if err != nil {
		badRequest(w, "BadRequest", err.Error())
		return
	}
	ctx := t.apiRoot(r, rt) + "/$metadata#"
	name, cid, hasKey := splitKey(rt.segs[0])
	if name != "companies" {
		bcError(w, http.StatusNotFound, "BadRequest_NotFound", "No HTTP resource was found that matches the request URI.")
		return
	}
	if !hasKey {
		if len(rt.segs) > 1 {
			bcError(w, http.StatusNotFound, "BadRequest_NotFound", "No HTTP resource was found that matches the request URI.")
			return
		}
		t.listCompanies(w, r, q, ctx+"companies")
		return
	}
	t.mu.RLock()
	co := t.company(cid)
	t.mu.RUnlock()
	if co == nil {
		bcError(w, http.StatusNotFound, "Internal_CompanyNotFound", "Cannot open company '"+cid+"'. The company does not exist.")
		return
	}
	f := t.Faults()
	if f.FailCompany != "" && equalID(f.FailCompany, co.info.ID) {
		bcError(w, http.StatusInternalServerError, "Internal_ServerError", "An unexpected error occurred in company '"+co.info.Name+"'.")
		return
	}
	if len(rt.segs) == 1 {
		info := co.info
		serveOneOf(w, q, ctx+"companies/$entity", companyEntity, &info, nil)
		return
	}
	ctx += "companies(" + co.info.ID + ")/"
	set, key, hasKey := splitKey(rt.segs[1])
	if rt.automation {
		t.serveAutomation(w, r, q, ctx, rt, c, set)
		return
	}
	switch {
	case set == "purchaseInvoices" || set == "purchaseInvoiceLines":
		if f.RevokePermission || f.DenyCompany != "" && equalID(f.DenyCompany, co.info.ID) {
			refuse(w, f, "TableData 122 Purch. Inv. Header", "Purchase Invoices")
			return
		}
		t.serveInvoices(w, r, q, ctx, co, rt.segs[1:])
	case set == "purchaseCreditMemos" || set == "purchaseCreditMemoLines":
		if f.RevokePermission || f.DenyCompany != "" && equalID(f.DenyCompany, co.info.ID) {
			refuse(w, f, "TableData 124 Purch. Cr. Memo Hdr.", "Purchase Credit Memos")
			return
		}
		t.serveCreditMemos(w, r, q, ctx, co, rt.segs[1:])
	case set == "vendors" && len(rt.segs) == 2:
		vs := t.snapshot(func() any { return co.vendors }).([]*bc.Vendor)
		serveSet(w, r, q, ctx+"vendors", vendorEntity, vs, key, hasKey, nil)
	case len(rt.segs) == 2 && !hasKey && t.serveCompanyInfo(w, r, q, ctx, co, set):
	case set == "currencyExchangeRates" && len(rt.segs) == 2 && t.cfg.NoExchangeRates:
		missingEntitySet(w, set)
	case set == "currencyExchangeRates" && len(rt.segs) == 2:
		rs := t.snapshot(func() any { return co.rates }).([]*bc.CurrencyExchangeRate)
		serveSet(w, r, q, ctx+"currencyExchangeRates", rateEntity, rs, key, hasKey, nil)
	default:
		bcError(w, http.StatusNotFound, "BadRequest_NotFound", "No HTTP resource was found that matches the request URI.")
	}
}

// snapshot reads a slice header under the lock; the slices are replaced,
// never edited, except invoices (see serveInvoices).
func (t *Tenant) snapshot(fn func() any) any {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return fn()
}

func (t *Tenant) listCompanies(w http.ResponseWriter, r *http.Request, q query, ctx string) {
	t.mu.RLock()
	cs := make([]*bc.Company, len(t.companies))
	for i, c := range t.companies {
		ci := c.info
		cs[i] = &ci
	}
	t.mu.RUnlock()
	sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
	serveList(w, r, q, ctx, companyEntity, cs, nil)
}

func (t *Tenant) serveAutomation(w http.ResponseWriter, r *http.Request, q query, ctx string, rt route, c claims, set string) {
	if set != "users" || len(rt.segs) != 2 {
		bcError(w, http.StatusNotFound, "BadRequest_NotFound", "No HTTP resource was found that matches the request URI.")
		return
	}
	if f := t.Faults(); f.RefuseUsers {
		refuse(w, f, "TableData 2000000120 User", "Users")
		return
	}
	if c.Scp == "" && !hasRole(c, RoleAutomation) {
		forbidden(w, "TableData 2000000120 User")
		return
	}
	t.mu.RLock()
	us := make([]*bc.User, len(t.users))
	for i, u := range t.users {
		s := t.servedUser(u)
		us[i] = &s
	}
	t.mu.RUnlock()
	_, key, hasKey := splitKey(rt.segs[1])
	serveSet(w, r, q, ctx+"users", userEntity(t.cfg.Pre25), us, key, hasKey, nil)
}

// serveSet answers a collection, or one entity when the URL has a key.
func serveSet[T any](w http.ResponseWriter, r *http.Request, q query, ctx string, e entity[T], items []*T, key string, hasKey bool, render func(*bytes.Buffer, *T) error) {
	if !hasKey {
		serveList(w, r, q, ctx, e, items, render)
		return
	}
	for _, v := range items {
		if equalID(e.key(v), key) {
			serveOneOf(w, q, ctx+"/$entity", e, v, render)
			return
		}
	}
	notFound(w, e.name)
}

func serveOneOf[T any](w http.ResponseWriter, q query, ctx string, e entity[T], v *T, render func(*bytes.Buffer, *T) error) {
	if err := checkSelect(q.sel, e.valid, e.name); err != nil {
		badRequest(w, "BadRequest_PropertyNotFound", err.Error())
		return
	}
	var buf bytes.Buffer
	var err error
	if render != nil {
		err = render(&buf, v)
	} else {
		err = writeEntity(&buf, v, e.tag(v), q.sel, nil)
	}
	if err != nil {
		bcError(w, http.StatusInternalServerError, "Internal_ServerError", err.Error())
		return
	}
	// Put @odata.context first, as BC does.
	body := append([]byte(`{"@odata.context":"`+ctx+`",`), buf.Bytes()[1:]...)
	writeJSON(w, q, body)
}

// serveList pages a key-sorted collection.
func serveList[T any](w http.ResponseWriter, r *http.Request, q query, ctx string, e entity[T], items []*T, render func(*bytes.Buffer, *T) error) {
	pred, size, ok := listQuery(w, q, e)
	if !ok {
		return
	}
	page, more := pageOf(items, e.key, pred, q.skip, size)
	writePage(w, r, q, ctx, e, page, more && !topReached(q, page), render)
}

// listQuery checks $select, compiles $filter and sizes the page ($top caps
// the server page); ok is false when an error was already written.
func listQuery[T any](w http.ResponseWriter, q query, e entity[T]) (pred func(*T) bool, size int, ok bool) {
	if err := checkSelect(q.sel, e.valid, e.name); err != nil {
		badRequest(w, "BadRequest_PropertyNotFound", err.Error())
		return nil, 0, false
	}
	if q.filter != nil {
		var err error
		if pred, err = compile(q.filter, e.fields, e.name); err != nil {
			badRequest(w, "BadRequest", err.Error())
			return nil, 0, false
		}
	}
	size = q.pageSize
	if q.top >= 0 {
		size = min(size, q.top)
	}
	return pred, size, true
}

// topReached: a $top query ends when it has its rows, with no nextLink.
func topReached[T any](q query, page []*T) bool { return q.top >= 0 && len(page) >= q.top }

func writePage[T any](w http.ResponseWriter, r *http.Request, q query, ctx string, e entity[T], page []*T, more bool, render func(*bytes.Buffer, *T) error) {
	body, err := renderPage(r, q, ctx, e, page, more, render)
	if err != nil {
		bcError(w, http.StatusInternalServerError, "Internal_ServerError", err.Error())
		return
	}
	writeJSON(w, q, body)
}

func renderPage[T any](r *http.Request, q query, ctx string, e entity[T], page []*T, more bool, render func(*bytes.Buffer, *T) error) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(`{"@odata.context":"` + ctx + `","value":[`)
	for i, v := range page {
		if i > 0 {
			buf.WriteByte(',')
		}
		var err error
		if render != nil {
			err = render(&buf, v)
		} else {
			err = writeEntity(&buf, v, e.tag(v), q.sel, nil)
		}
		if err != nil {
			return nil, err
		}
	}
	buf.WriteByte(']')
	if more && len(page) > 0 {
		buf.WriteString(`,"@odata.nextLink":`)
		buf.WriteString(jsonString(nextLink(r, e.key(page[len(page)-1]), q, len(page))))
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
