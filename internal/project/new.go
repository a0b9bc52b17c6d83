package project

import (
	"errors"
	"os"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/scaffold"
)

// NewKind is a kind of file New makes: its name as typed after
// `press new`, what its argument is, and an example.
type NewKind = scaffold.Kind

// NewKinds lists the kinds of file New makes, in the order the help shows
// them.
func NewKinds() []NewKind {
	return scaffold.Kinds
}

// TodayError is a malformed PRESS_TODAY or SOURCE_DATE_EPOCH: a mistake
// in how press was run, not in the site.
type TodayError struct{ Err error }

// Error says which variable is wrong and how to write it.
func (e *TodayError) Error() string { return e.Err.Error() }

// Unwrap returns the error of reading the day.
func (e *TodayError) Unwrap() error { return e.Err }

// New makes a file of the given kind (see NewKinds) in the site folder
// dir from arg (a title, a name, an issue or a slug, by kind), dated
// today: the given day when not zero, else PRESS_TODAY, SOURCE_DATE_EPOCH
// or the clock (a malformed variable is a *TodayError). It returns the
// new file's path relative to dir and never overwrites a file. Messages
// are in language lang.
func New(lang msg.Lang, dir, kind, arg string, today time.Time) (string, error) {
	now, err := clock.Resolve(today, os.Getenv, time.Now)
	if err != nil {
		return "", &TodayError{err}
	}
	p, err := scaffold.New(dir, kind, arg, now.Now)
	if errors.Is(err, scaffold.ErrExists) {
		return "", errors.New(lang.T("new.exists", err))
	}
	return p, err
}
