package match

import (
	"reflect"
	"testing"
)

// Every field of every record the catalog is built from changes the
// fingerprint: a stored decision keyed by it must not survive an edit of
// any of them (a user catalog's keyword, a custom application's vendor).
// A new field of a kind this test cannot change fails here until
// Fingerprint hashes it and the test knows how to change it.
func TestFingerprintCoversEveryField(t *testing.T) {
	base := func() *Catalog {
		return &Catalog{
			apps: []App{{Name: "Frobnicate", Category: "Ops", Domain: "frob.example", Group: "Frob Group",
				Vendors: []string{"Frob AB"}, Keywords: []string{"frob"}}},
			groups:    []Group{{Name: "Frob Group", Vendors: []string{"Frob Holding"}, Default: "Frobnicate"}},
			resellers: []Reseller{{Name: "Resell", Domain: "resell.example", Vendors: []string{"Resell Ltd"}}},
		}
	}
	want := base().Fingerprint()
	if base().Fingerprint() != want {
		t.Fatal("the same records give two fingerprints")
	}
	records := []struct {
		name string
		rec  func(*Catalog) reflect.Value
	}{
		{"App", func(c *Catalog) reflect.Value { return reflect.ValueOf(&c.apps[0]).Elem() }},
		{"Group", func(c *Catalog) reflect.Value { return reflect.ValueOf(&c.groups[0]).Elem() }},
		{"Reseller", func(c *Catalog) reflect.Value { return reflect.ValueOf(&c.resellers[0]).Elem() }},
	}
	for _, r := range records {
		typ := r.rec(base()).Type()
		for i := range typ.NumField() {
			c := base()
			f := r.rec(c).Field(i)
			switch f.Kind() {
			case reflect.String:
				f.SetString(f.String() + "x")
			case reflect.Bool:
				f.SetBool(!f.Bool())
			case reflect.Slice:
				f.Set(reflect.Append(f, reflect.ValueOf("x")))
			default:
				t.Fatalf("%s.%s is a %s: hash it in Fingerprint and change it here", r.name, typ.Field(i).Name, f.Kind())
			}
			if c.Fingerprint() == want {
				t.Errorf("changing %s.%s leaves the fingerprint", r.name, typ.Field(i).Name)
			}
		}
	}
}

// The order of the records is part of the catalog (the first of two apps
// claiming a phrase may win), and values are delimited, so moving a
// character from one field to the next is a change too.
func TestFingerprintSeesOrderAndBoundaries(t *testing.T) {
	a, b := App{Name: "Alpha", Category: "X"}, App{Name: "Beta", Category: "X"}
	ab := (&Catalog{apps: []App{a, b}}).Fingerprint()
	if ba := (&Catalog{apps: []App{b, a}}).Fingerprint(); ab == ba {
		t.Error("two apps swapped give the same fingerprint")
	}
	one := (&Catalog{apps: []App{{Name: "ab", Category: "c"}}}).Fingerprint()
	two := (&Catalog{apps: []App{{Name: "a", Category: "bc"}}}).Fingerprint()
	if one == two {
		t.Error(`"ab","c" and "a","bc" give the same fingerprint`)
	}
	kw1 := (&Catalog{apps: []App{{Name: "a", Keywords: []string{"x", "y"}}}}).Fingerprint()
	kw2 := (&Catalog{apps: []App{{Name: "a", Keywords: []string{"xy"}}}}).Fingerprint()
	if kw1 == kw2 {
		t.Error(`keywords "x","y" and "xy" give the same fingerprint`)
	}
}
