package main

import "github.com/bcspend/bcspend/ui"

var _ ui.AppEditor = (*backend)(nil)

// RenameApp renames a custom application and its rules, as 'bcspend apps
// rename' does, and reloads the catalog and the model.
func (b *backend) RenameApp(old, name string) error {
	cat, err := b.catalog()
	if err != nil {
		return err
	}
	if err := renameApp(b.db, cat, old, name); err != nil {
		return err
	}
	return b.reloadCatalog()
}

// RecategoriseApp moves a custom application to another category, as
// 'bcspend apps recategorise' does.
func (b *backend) RecategoriseApp(name, category string) error {
	if err := recategoriseApp(b.db, name, category); err != nil {
		return err
	}
	return b.reloadCatalog()
}
