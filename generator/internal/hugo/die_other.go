//go:build !linux

package hugo

import "os/exec"

// dieWithParent does nothing where the kernel cannot stop a child when its
// parent dies.
func dieWithParent(*exec.Cmd) {}
