package hugo

import (
	"os/exec"
	"syscall"
)

// dieWithParent has the kernel stop cmd, once started, when this process
// ends in a way that gives it no chance to stop cmd itself (SIGKILL, a
// crash).
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
