//go:build !linux

package output

import "errors"

// exchangeDirs cannot swap two paths in one step here: the staged files
// are renamed one by one.
func exchangeDirs(a, b string) error { return errors.New("no atomic exchange on this system") }
