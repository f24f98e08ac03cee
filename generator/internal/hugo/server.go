package hugo

import "context"

// PreviewBuild is Build for the live preview, which runs it on every edit
// that changes the laid-out project: on Linux, Hugo is also stopped if this
// process is killed (SIGKILL, a crash) while it builds, rather than go on
// writing into a staging folder nobody reads.
func PreviewBuild(ctx context.Context, src, dest, cacheDir string) error {
	cmd, err := BuildCmd(ctx, src, dest, cacheDir)
	if err != nil {
		return err
	}
	dieWithParent(cmd)
	return runBuild(cmd)
}
