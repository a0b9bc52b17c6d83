// Command press builds the website, PDFs and feeds of 郑州市信息化促进会
// from Markdown and YAML. Run "press help" for the commands.
package main

import (
	"os"

	"github.com/zzia/press/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
