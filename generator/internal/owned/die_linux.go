package owned

import (
	"os/exec"
	"syscall"
)

// DieWithParent has the kernel stop cmd, once started, when this process
// ends in a way that gives it no chance to stop cmd itself (SIGKILL, a
// crash).
func DieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
