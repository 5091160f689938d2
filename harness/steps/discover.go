package steps

import (
	"context"
	"fmt"
	"strconv"

	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// The discovery steps let a scenario take what it needs from what the cloud answered (a list,
// then an item picked by a documented property) instead of naming data only one cloud holds, and
// compare later answers with what the cloud said earlier.

// pick returns the first item of the array at ptr whose sub pointer renders as want (every item
// when sub is empty), or whose sub does not render as want when negate is set.
func pick(ctx context.Context, ptr, sub, want string, negate bool) (*Scenario, any, error) {
	s, arr, err := items(ctx, ptr)
	if err != nil {
		return nil, nil, err
	}
	w, err := s.Expand(want)
	if err != nil {
		return nil, nil, err
	}
	for _, it := range arr {
		if sub == "" {
			return s, it, nil
		}
		v, ok := validate.Lookup(it, sub)
		if ok && (validate.Render(v) == w) != negate {
			return s, it, nil
		}
	}
	switch {
	case sub == "":
		return nil, nil, fmt.Errorf("%s: %s is empty: there is no item to take", s.last.RequestLine(), ptr)
	case negate:
		return nil, nil, fmt.Errorf("%s: none of the %d items of %s has %s other than %q", s.last.RequestLine(), len(arr), ptr, sub, w)
	}
	return nil, nil, fmt.Errorf("%s: none of the %d items of %s has %s equal to %q", s.last.RequestLine(), len(arr), ptr, sub, w)
}

func saveFrom(ctx context.Context, s *Scenario, it any, ptr, sub, name string) error {
	v, ok := validate.Lookup(it, sub)
	if !ok {
		return fmt.Errorf("%s: the item of %s that was picked has no field %s to save as %s", s.last.RequestLine(), ptr, sub, name)
	}
	s.vars[name] = validate.Render(v)
	return nil
}

// conforming checks the last answer against the contract before a step takes a value from it: a
// value a scenario carries forward must come from an answer the contract allows (a deviation is
// noted, not a failure).
func conforming(ctx context.Context) error {
	s := scenario(ctx)
	x, err := s.Last()
	if err != nil {
		return err
	}
	if why := s.unavailable(x); why != "" {
		return &EnvironmentError{RequestLine: x.RequestLine(), Err: fmt.Errorf("the service is unavailable: %s; nothing can be taken from its answer", why)}
	}
	if err := s.validate(x); err != nil {
		return fmt.Errorf("a value is taken from an answer that breaks its contract: %w", err)
	}
	return nil
}

func saveFirst(ctx context.Context, sub, ptr, name string) error {
	if err := conforming(ctx); err != nil {
		return err
	}
	s, it, err := pick(ctx, ptr, "", "", false)
	if err != nil {
		return err
	}
	return saveFrom(ctx, s, it, ptr, sub, name)
}

func saveFirstWhere(ctx context.Context, sub, ptr, key, rel, want, name string) error {
	if err := conforming(ctx); err != nil {
		return err
	}
	s, it, err := pick(ctx, ptr, key, want, rel == "is not")
	if err != nil {
		return err
	}
	return saveFrom(ctx, s, it, ptr, sub, name)
}

func saveCount(ctx context.Context, ptr, name string) error {
	if err := conforming(ctx); err != nil {
		return err
	}
	s, arr, err := items(ctx, ptr)
	if err != nil {
		return err
	}
	s.vars[name] = strconv.Itoa(len(arr))
	return nil
}

func fieldCountVar(ctx context.Context, ptr, want string) error {
	s := scenario(ctx)
	w, err := s.Expand(want)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(w)
	if err != nil {
		return fmt.Errorf("item count %q (from %q) is not a whole number", w, want)
	}
	return fieldCount(ctx, ptr, n)
}

// hasItem checks that a list has (or has no) item whose field is a value. "No item" is judged
// on every item: an item without the field fails the step (it cannot tell, and a misspelt field
// would otherwise pass on any list). An empty list passes "no item": the list was read, and
// nothing in it has the value, which is what the step claims.
func hasItem(ctx context.Context, ptr, rel, sub, want string) error {
	if rel == "an" {
		_, _, err := pick(ctx, ptr, sub, want, false)
		return err
	}
	s, arr, err := items(ctx, ptr)
	if err != nil {
		return err // no array at all is not "no such item"
	}
	w, err := s.Expand(want)
	if err != nil {
		return err
	}
	for i, it := range arr {
		v, ok := validate.Lookup(it, sub)
		if !ok {
			return fmt.Errorf("%s: expected no item of %s with %s equal to %q, but item %d has no field %s, so it cannot be judged: %s", s.last.RequestLine(), ptr, sub, w, i, sub, excerpt([]byte(validate.Render(it))))
		}
		if validate.Render(v) == w {
			return fmt.Errorf("%s: expected no item of %s with %s equal to %q, found one: item %d %s", s.last.RequestLine(), ptr, sub, w, i, excerpt([]byte(validate.Render(it))))
		}
	}
	return nil
}
