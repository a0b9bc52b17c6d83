package search

// DebugTokens is the token sequence of s as [text, position, joined], the
// form the parity test compares with search.js's tokenize.
func DebugTokens(s string) [][3]any {
	var t tokenizer
	var out [][3]any
	for _, tk := range t.tokens(nil, s) {
		out = append(out, [3]any{tk.text, float64(tk.pos), tk.joined})
	}
	return out
}
