//go:build !linux

package output

import "os"

// unshared cannot tell who else holds a file here: none is written over.
func unshared(*os.File) bool { return false }
