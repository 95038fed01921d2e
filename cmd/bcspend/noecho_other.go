//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package main

// echoOff does nothing here: term.ReadPassword turns the echo off itself.
func echoOff(int) error { return nil }
