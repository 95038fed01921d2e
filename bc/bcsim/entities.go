package bcsim

import (
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

// Per-entity OData metadata: filterable fields, selectable properties,
// paging key and ETag.

type entity[T any] struct {
	name   string // OData type name for error messages
	fields fields[T]
	valid  map[string]bool // selectable properties
	key    func(*T) string // paging order
	tag    func(*T) string
}

func sField[T any](f func(*T) string) field[T] { return field[T]{kind: kString, str: f} }

// eField is an enum field: filters compare BC's escaped form
// ('In_x0020_Review'), the form it is served in.
func eField[T any](f func(*T) string) field[T] {
	return field[T]{kind: kString, str: func(v *T) string { return bc.EncodeEnum(f(v)) }}
}
func gField[T any](f func(*T) string) field[T] { return field[T]{kind: kGUID, str: f} }
func dField[T any](f func(*T) bc.Date) field[T] {
	return field[T]{kind: kDate, tm: func(v *T) time.Time { return f(v).Time }}
}
func tField[T any](f func(*T) time.Time) field[T]    { return field[T]{kind: kDateTime, tm: f} }
func nField[T any](f func(*T) money.Amount) field[T] { return field[T]{kind: kNumber, num: f} }

type (
	inv  = bc.PurchaseInvoice
	line = bc.PurchaseInvoiceLine
)

var invoiceEntity = entity[inv]{
	name: "purchaseInvoice",
	fields: fields[inv]{
		"id":                      gField(func(v *inv) string { return v.ID }),
		"number":                  sField(func(v *inv) string { return v.Number }),
		"status":                  eField(func(v *inv) string { return v.Status }),
		"vendorNumber":            sField(func(v *inv) string { return v.VendorNumber }),
		"vendorId":                gField(func(v *inv) string { return v.VendorID }),
		"vendorName":              sField(func(v *inv) string { return v.VendorName }),
		"vendorInvoiceNumber":     sField(func(v *inv) string { return v.VendorInvoiceNumber }),
		"shortcutDimension1Code":  sField(func(v *inv) string { return v.ShortcutDimension1Code }),
		"invoiceDate":             dField(func(v *inv) bc.Date { return v.InvoiceDate }),
		"postingDate":             dField(func(v *inv) bc.Date { return v.PostingDate }),
		"dueDate":                 dField(func(v *inv) bc.Date { return v.DueDate }),
		"lastModifiedDateTime":    tField(func(v *inv) time.Time { return v.LastModifiedDateTime }),
		"totalAmountExcludingTax": nField(func(v *inv) money.Amount { return v.TotalAmountExcludingTax }),
		"totalAmountIncludingTax": nField(func(v *inv) money.Amount { return v.TotalAmountIncludingTax }),
	},
	valid: jsonFields(bc.PurchaseInvoice{}, "purchaseInvoiceLines"),
	key:   func(v *inv) string { return v.ID },
	tag:   func(v *inv) string { return etag(v.LastModifiedDateTime, v.ID) },
}

// Lines page in document order: by invoice, then sequence.
var lineEntity = entity[line]{
	name: "purchaseInvoiceLine",
	fields: fields[line]{
		"id":               gField(func(v *line) string { return v.ID }),
		"documentId":       gField(func(v *line) string { return v.DocumentID }),
		"lineType":         eField(func(v *line) string { return v.LineType }),
		"lineObjectNumber": sField(func(v *line) string { return v.LineObjectNumber }),
		"description":      sField(func(v *line) string { return v.Description }),
		"sequence":         nField(func(v *line) money.Amount { return money.Amount(v.Sequence) * 10000 }),
		"netAmount":        nField(func(v *line) money.Amount { return v.NetAmount }),
	},
	valid: jsonFields(bc.PurchaseInvoiceLine{}),
	key:   func(v *line) string { return v.DocumentID + "/" + pad(int64(v.Sequence), 10) },
	tag:   func(v *line) string { return etag(time.Unix(int64(v.Sequence), 0), v.ID) },
}

var vendorEntity = entity[bc.Vendor]{
	name: "vendor",
	fields: fields[bc.Vendor]{
		"id":                   gField(func(v *bc.Vendor) string { return v.ID }),
		"number":               sField(func(v *bc.Vendor) string { return v.Number }),
		"displayName":          sField(func(v *bc.Vendor) string { return v.DisplayName }),
		"currencyCode":         sField(func(v *bc.Vendor) string { return v.CurrencyCode }),
		"blocked":              eField(func(v *bc.Vendor) string { return v.Blocked }),
		"lastModifiedDateTime": tField(func(v *bc.Vendor) time.Time { return v.LastModifiedDateTime }),
	},
	valid: jsonFields(bc.Vendor{}),
	key:   func(v *bc.Vendor) string { return v.ID },
	tag:   func(v *bc.Vendor) string { return etag(v.LastModifiedDateTime, v.ID) },
}

type rate = bc.CurrencyExchangeRate

var rateEntity = entity[rate]{
	name: "currencyExchangeRate",
	fields: fields[rate]{
		"id":                   gField(func(v *rate) string { return v.ID }),
		"currencyCode":         sField(func(v *rate) string { return v.CurrencyCode }),
		"startingDate":         dField(func(v *rate) bc.Date { return v.StartingDate }),
		"lastModifiedDateTime": tField(func(v *rate) time.Time { return v.LastModifiedDateTime }),
	},
	valid: jsonFields(bc.CurrencyExchangeRate{}),
	key:   func(v *rate) string { return v.ID },
	tag:   func(v *rate) string { return etag(v.LastModifiedDateTime, v.ID) },
}

var companyEntity = entity[bc.Company]{
	name: "company",
	fields: fields[bc.Company]{
		"id":          gField(func(v *bc.Company) string { return v.ID }),
		"name":        sField(func(v *bc.Company) string { return v.Name }),
		"displayName": sField(func(v *bc.Company) string { return v.DisplayName }),
	},
	valid: jsonFields(bc.Company{}),
	key:   func(v *bc.Company) string { return v.ID },
	tag:   func(v *bc.Company) string { return etag(v.LastModifiedDateTime, v.ID) },
}

// userEntity differs before BC 25: no contactEmail property at all.
func userEntity(pre25 bool) entity[bc.User] {
	e := entity[bc.User]{
		name: "user",
		fields: fields[bc.User]{
			"userSecurityId": gField(func(v *bc.User) string { return v.UserSecurityID }),
			"userName":       sField(func(v *bc.User) string { return v.UserName }),
			"displayName":    sField(func(v *bc.User) string { return v.DisplayName }),
			"state":          eField(func(v *bc.User) string { return v.State }),
			"expiryDate":     tField(func(v *bc.User) time.Time { return v.ExpiryDate }),
			"contactEmail": sField(func(v *bc.User) string {
				if v.ContactEmail == nil {
					return ""
				}
				return *v.ContactEmail
			}),
		},
		valid: jsonFields(bc.User{}),
		key:   func(v *bc.User) string { return v.UserSecurityID },
		tag:   func(v *bc.User) string { return etag(time.Time{}, v.UserSecurityID+v.State) },
	}
	if pre25 {
		delete(e.fields, "contactEmail")
		delete(e.valid, "contactEmail")
	}
	return e
}

// wireForm is v as BC serves it: enum values in their escaped XML-name
// form (In_x0020_Review, Fixed_x0020_Asset, _x0020_ for blank). The
// tenant keeps names decoded; only what goes on the wire is escaped.
func wireForm(v any) any {
	switch x := v.(type) {
	case *bc.PurchaseInvoice:
		c := *x
		c.Status = bc.EncodeEnum(c.Status)
		return &c
	case *bc.PurchaseCreditMemo:
		c := *x
		c.Status = bc.EncodeEnum(c.Status)
		return &c
	case *bc.PurchaseInvoiceLine:
		c := *x
		c.LineType = bc.EncodeEnum(c.LineType)
		return &c
	case *bc.Vendor:
		c := *x
		c.Blocked = bc.EncodeEnum(c.Blocked)
		return &c
	case *bc.User:
		c := *x
		c.State = bc.EncodeEnum(c.State)
		return &c
	}
	return v
}
