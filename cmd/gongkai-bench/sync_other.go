//go:build !unix

package main

// syncFileSystems does nothing where there is no sync(2).
func syncFileSystems() {}
