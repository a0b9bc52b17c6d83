package pdf

// EmbedPrograms lets the fuzz test (package pdf_test) leave the fonts'
// subset programs out of the PDFs it draws.
var EmbedPrograms = &embedPrograms
