//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package main

import "golang.org/x/sys/unix"

// echoOff stops the terminal echoing what is typed, before the secret's
// prompt is printed: term.ReadPassword turns echo off only once it runs, and
// keys typed ahead of it (a person quicker than a slow prompt, a pasted
// secret) would be echoed in between. term.ReadPassword restores the state
// it found, echo off, so the caller restores the terminal's own state
// afterwards.
func echoOff(fd int) error {
	t, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
	if err != nil {
		return err
	}
	t.Lflag &^= unix.ECHO
	return unix.IoctlSetTermios(fd, ioctlSetTermios, t)
}
