package hugo

import "golang.org/x/sys/unix"

// memoryFS returns /dev/shm when it is a writable memory file system with
// room bytes free.
func memoryFS(room int64) (string, bool) {
	const shm = "/dev/shm"
	var st unix.Statfs_t
	if err := unix.Statfs(shm, &st); err != nil || st.Type != unix.TMPFS_MAGIC {
		return "", false
	}
	if int64(st.Bavail)*int64(st.Bsize) < room || unix.Access(shm, unix.W_OK) != nil {
		return "", false
	}
	return shm, true
}
