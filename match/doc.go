// Package match decides which SaaS application a paid purchase invoice (or
// one of its lines) pays for.
//
// The catalog (catalog.txt, embedded, extendable by a user file in the same
// format) lists applications with their vendors' legal and former names and
// product keywords, the multi-product vendors (groups) that sell several of
// them, and the resellers whose invoices only their lines can explain.
// words.txt holds the vocabulary that is not about one application: what
// marks a charge as non-software, and which words are too common to prove
// anything.
//
// A Matcher tries layers in order and the first decisive one wins; its name
// is the decision's Method: a manual fix of one transaction, admin rules in
// priority order, a product keyword on a multi-product vendor's or reseller's
// line, the vendor's catalogued name, an app named in the description, a
// fuzzy vendor name, else none. Non-software lines (hardware, rent, travel)
// are set aside before the catalog layers, so a Surface from Microsoft or
// chairs from Amazon stay out of software spend.
//
// Decisions are cached per distinct vendor and description text, so
// re-matching a store after a rule change costs one decision per distinct
// pair, not per transaction.
package match
