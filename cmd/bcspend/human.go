package main

import "github.com/bcspend/bcspend/money"

// num is a count for people, with thousands separators as the console
// shows it ("12,345"); --json and CSV outputs keep plain numbers.
func num[T ~int | ~int32 | ~int64 | ~uint32](n T) string { return money.GroupInt(int64(n)) }
