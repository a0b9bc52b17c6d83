package typeset

// HundredPageSections is how many sections of the sample document (package
// sampledoc) fill about 100 A4 pages; the benchmark uses it.
const HundredPageSections = 80
