//go:build unix

package main

import "syscall"

// syncFileSystems has the kernel write back every file system's dirty data.
func syncFileSystems() { syscall.Sync() }
