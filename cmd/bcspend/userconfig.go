package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
)

// The user's preferences file (docs in README, "Settings"): the defaults a
// person wants for every database they open.
//
//	reporting-currency = "EUR"
//	page-size = 500
//	export-dir = "/home/me/exports"
//
// Precedence, most specific first: a command's flag (sync --page-size),
// then 'bcspend config set' (stored in the database, so it is this data's
// choice), then this file, then the built-in default. 'config unset'
// therefore falls back to the file.

// userConfigKeys are the settings the file may hold: a person's
// preferences, not choices about the data (transaction-granularity).
var userConfigKeys = []string{store.SettingReportingCurrency, settingPageSize, settingExportDir}

// userConfigPath is BCSPEND_CONFIG, else config.toml under the OS's user
// config dir (os.UserConfigDir: $XDG_CONFIG_HOME or ~/.config on Linux,
// ~/Library/Application Support on macOS, %AppData% on Windows).
func userConfigPath() (string, error) {
	if p := os.Getenv("BCSPEND_CONFIG"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "bcspend", "config.toml"), nil
}

// userConfig is the file's settings, as 'config set' would take them.
type userConfig struct {
	path   string
	values map[string]string
}

func (c userConfig) get(key string) (string, bool) {
	v, ok := c.values[key]
	return v, ok
}

// loadUserConfig reads the file; a missing file is an empty config. A
// file bcspend cannot use is an error naming the file and the fix, not
// silently ignored preferences.
func loadUserConfig() (userConfig, error) {
	path, err := userConfigPath()
	if err != nil {
		return userConfig{}, nil // no home directory: no preferences
	}
	c := userConfig{path: path, values: map[string]string{}}
	raw := map[string]any{}
	if _, err := toml.DecodeFile(path, &raw); errors.Is(err, os.ErrNotExist) {
		return c, nil
	} else if err != nil {
		return c, failure.Input(fmt.Sprintf("Cannot read %s: %v", path, err), "Fix the file (TOML: key = \"value\", one per line) or remove it.")
	}
	for k, v := range raw {
		val, err := userConfigValue(path, k, v)
		if err != nil {
			return c, err
		}
		c.values[k] = val
	}
	return c, nil
}

var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// userConfigValue checks one key of the file as 'config set' checks it;
// the reporting currency can only be checked for its form here (which
// currencies convert depends on the database).
func userConfigValue(path, key string, v any) (string, error) {
	if !slices.Contains(userConfigKeys, key) {
		fix := "The file may set " + strings.Join(userConfigKeys, ", ") + "."
		if near := closest(key, userConfigKeys); len(near) > 0 {
			fix = "Did you mean " + strings.Join(near, " or ") + "? " + fix
		}
		return "", failure.Input(fmt.Sprintf("%s: unknown setting %q", path, key), fix)
	}
	var s string
	switch x := v.(type) {
	case string:
		s = strings.TrimSpace(x)
	case int64:
		s = strconv.FormatInt(x, 10)
	default:
		return "", failure.Input(fmt.Sprintf("%s: %s must be a string or a number, not %v", path, key, v), "e.g. page-size = 500, export-dir = \"/home/me/exports\".")
	}
	set, _ := findSetting(key)
	switch {
	case key == store.SettingReportingCurrency:
		s = strings.ToUpper(s)
		if !currencyCode.MatchString(s) {
			return "", failure.Input(fmt.Sprintf("%s: reporting-currency %q is not a currency code", path, s), "Use a three-letter code such as \"EUR\".")
		}
	case !set.accepts(s):
		return "", failure.Input(fmt.Sprintf("%s: %s cannot be %q", path, key, s), fmt.Sprintf("Use one of: %s.", strings.Join(set.values, ", ")))
	}
	return s, nil
}

// fileSetting is key's value in the user's file, if it sets it.
func fileSetting(key string) (string, bool, error) {
	c, err := loadUserConfig()
	if err != nil {
		return "", false, err
	}
	v, ok := c.get(key)
	return v, ok, nil
}

// spendOptions carries the file's reporting currency into a spend model
// when the database sets none ('config set' wins).
func spendOptions(db *store.DB) (spend.Options, error) {
	if _, ok, err := fileSetting(store.SettingReportingCurrency); err != nil || !ok {
		return spend.Options{}, err // the usual case, without reading the data
	}
	v, from, err := value(db, mustSetting(store.SettingReportingCurrency))
	if err != nil || from != fromFile {
		return spend.Options{}, err
	}
	return spend.Options{ReportingCurrency: v}, nil
}
