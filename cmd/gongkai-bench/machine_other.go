//go:build !linux

package main

// machineCosts is measured on Linux only.
func machineCosts() string { return "not measured here" }
