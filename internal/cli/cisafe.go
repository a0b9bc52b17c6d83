package cli

import (
	"bytes"
	"io"
)

// ciSafe passes plain output through to a log a CI runner reads, defusing
// every line that the runner would take as a workflow command: a line
// starting with "::" (after blanks) gets a backslash before it, and "##["
// anywhere becomes "##\[". Names are quoted where they are printed
// (diag.QuoteName); this catches what a message quotes from a source.
// Lines are passed on whole, so it is not used for a terminal's live
// display.
type ciSafe struct {
	w   io.Writer
	buf []byte
}

func (c *ciSafe) Write(p []byte) (int, error) {
	c.buf = append(c.buf, p...)
	i := bytes.LastIndexAny(c.buf, "\n\r")
	if i < 0 {
		return len(p), nil
	}
	out := defuse(c.buf[:i+1])
	c.buf = append(c.buf[:0], c.buf[i+1:]...)
	if _, err := c.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what is left of an unfinished line.
func (c *ciSafe) Flush() {
	if len(c.buf) > 0 {
		c.w.Write(defuse(c.buf))
		c.buf = c.buf[:0]
	}
}

// raw is the writer underneath w, for output that is meant for the runner
// (check --format github).
func raw(w io.Writer) io.Writer {
	if c, ok := w.(*ciSafe); ok {
		c.Flush()
		return c.w
	}
	return w
}

// defuse rewrites the lines of b (ending in \n or \r) as described at ciSafe.
func defuse(b []byte) []byte {
	var out []byte
	for len(b) > 0 {
		end := bytes.IndexAny(b, "\n\r")
		line := b
		if end >= 0 {
			line = b[:end+1]
		}
		b = b[len(line):]
		t := bytes.TrimLeft(line, " \t\v\f")
		if bytes.HasPrefix(t, []byte("::")) {
			out = append(out, '\\')
		}
		out = append(out, bytes.ReplaceAll(line, []byte("##["), []byte(`##\[`))...)
	}
	return out
}
