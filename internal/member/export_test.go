package member

// Parallel is parallel, for the external tests.
var Parallel = parallel
