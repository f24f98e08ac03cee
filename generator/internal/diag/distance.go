package diag

// EditDistance is the number of edits that make a into b, for a message's
// "did you mean": the optimal string alignment distance (Levenshtein's,
// with two neighbouring letters swapped counted as one edit).
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	before := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], before[j-2]+1) // two letters swapped
			}
		}
		before, prev, cur = prev, cur, before
	}
	return prev[len(rb)]
}
