//go:build !linux

package publish

import "errors"

// exchangeFiles is not available here; Publish falls back to two renames.
func exchangeFiles(a, b string) error { return errors.New("atomic exchange not supported") }
