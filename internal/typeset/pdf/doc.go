// Package pdf is the typesetter's drawing backend: Write turns a document
// of positioned boxes (package box) into PDF 1.7 — embedded font subsets,
// images, links, outline, tagged structure, and for the printer's edition
// bleed, crop marks and CMYK colour — with a writer of its own. It knows no
// Markdown and makes no layout decisions: package typeset lays pages out,
// package canvas composes pages by hand.
package pdf
