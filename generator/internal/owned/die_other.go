//go:build !linux

package owned

import "os/exec"

// DieWithParent does nothing where the kernel cannot stop a child when its
// parent dies.
func DieWithParent(*exec.Cmd) {}
