package bc

import (
	"context"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/bcspend/bcspend/failure"
)

// maxCountBytes bounds a $count answer: a bare integer.
const maxCountBytes = 32

// Count asks BC how many entities of a company's entity set match filter
// ("" = all), with OData's {set}/$count: one cheap request whose answer is
// a bare integer, used to size work before paging (splitting a window into
// ranges of similar size, totals for progress). The entity set is a
// parameter so every synced document type (purchaseInvoices,
// purchaseCreditMemos) is counted the same way.
func (c *Client) Count(ctx context.Context, companyID, entitySet, filter string) (int, error) {
	u := company(c.target.APIRoot(), companyID, entitySet+"/$count")
	if filter != "" {
		u += "?" + encodeQuery(url.Values{"$filter": {filter}})
	}
	n := 0
	err := c.get(ctx, u, routeAPI, func(r io.Reader) error {
		b, err := io.ReadAll(io.LimitReader(r, maxCountBytes+1))
		if err != nil {
			return err
		}
		v, perr := strconv.Atoi(strings.TrimSpace(string(b)))
		if perr != nil || v < 0 || len(b) > maxCountBytes {
			return &failure.Error{Kind: failure.KindProtocol, Code: "bad_count",
				Message: "Business Central answered a count request with something that is not a count",
				Fix:     "Sync again; if it persists, check --api-url points at Business Central."}
		}
		n = v
		return nil
	})
	return n, err
}

// InvoiceCount is the number of purchase invoices q would return.
func (c *Client) InvoiceCount(ctx context.Context, companyID string, q InvoiceQuery) (int, error) {
	return c.Count(ctx, companyID, "purchaseInvoices", q.Filter())
}
