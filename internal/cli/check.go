package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

func newCheckCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	var opts project.CheckOptions
	var site siteFlags
	var format string
	c := command(lang, "check", "check", func(*cobra.Command, []string) error {
		switch format {
		case "human", "json", "github":
		default:
			return usageError{errors.New(lang.T("check.badformat", format))}
		}
		p, err := site.open(lang)
		if err != nil {
			return err
		}
		warnings, err := p.Check(opts)
		var problems diag.List
		var be *project.Error
		switch {
		case errors.As(err, &be):
			problems = append(be.Diagnostics, warnings...)
		case err != nil:
			return err
		default:
			problems = warnings
		}
		if format == "human" {
			if err != nil {
				return err // printed by Main with the summary line
			}
			printDiagnostics(lang, stderr, problems)
			fmt.Fprintln(stdout, lang.T("check.ok"))
			return nil
		}
		writeDiagnostics(lang, raw(stdout), format, problems)
		if err != nil {
			return silentFailure{err}
		}
		return nil
	})
	site.add(lang, c)
	c.Flags().StringVarP(&format, "format", "f", "human", lang.T("flag.format"))
	c.Flags().StringVar(&opts.CacheDir, "cache-dir", "", lang.T("flag.cachedir"))
	return c
}

// silentFailure is an error whose report was already written (as JSON or
// annotations); Main only sets the exit code.
type silentFailure struct{ error }

// jsonDiagnostic is the JSON form of a diagnostic.
type jsonDiagnostic struct {
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// writeDiagnostics prints diagnostics as JSON or as GitHub workflow annotations.
func writeDiagnostics(lang msg.Lang, w io.Writer, format string, l diag.List) {
	switch format {
	case "json":
		out := struct {
			Errors   int              `json:"errors"`
			Warnings int              `json:"warnings"`
			Problems []jsonDiagnostic `json:"problems"`
		}{Errors: len(l.Errors()), Warnings: len(l.Warnings()), Problems: []jsonDiagnostic{}}
		for _, d := range l {
			sev := "error"
			if d.Severity == diag.Warning {
				sev = "warning"
			}
			out.Problems = append(out.Problems, jsonDiagnostic{d.File, d.Line, d.Column, sev, d.Message, d.Hint})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(out)
	case "github":
		for _, d := range l {
			kind := "error"
			if d.Severity == diag.Warning {
				kind = "warning"
			}
			var props []string
			if d.File != "" {
				props = append(props, "file="+ghProp(d.File))
			}
			if d.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", d.Line))
			}
			if d.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Column))
			}
			text := d.Message
			if d.Hint != "" {
				text += lang.T("diag.hintsep") + d.Hint
			}
			fmt.Fprintf(w, "::%s %s::%s\n", kind, strings.Join(props, ","), ghData(text))
		}
	}
}

// ghData and ghProp escape text for GitHub workflow commands.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
