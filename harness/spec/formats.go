package spec

import "github.com/santhosh-tekuri/jsonschema/v5"

// The schema validator asserts "date-time" with time.Parse and "email" with net/mail, which cost
// far more than the rest of a string's validation, on every value. The values an API sends are
// almost always in the plain form: a date-time such as 2016-07-08T10:42:14+01:00, an address
// such as user@example.com. The functions below recognise that form cheaply and leave every
// other value to the validator's own check, so a value is accepted exactly when the validator
// accepts it (the plain forms are a subset of what the validator's checks accept; a test checks
// it against them).

// formatFastPaths returns the compiler's format checks: the validator's own, tried after a cheap
// check of the plain form.
func formatFastPaths() map[string]func(any) bool {
	out := map[string]func(any) bool{}
	for name, plain := range map[string]func(string) bool{
		"date-time": isPlainDateTime,
		"email":     isPlainEmail,
	} {
		if full, ok := jsonschema.Formats[name]; ok {
			out[name] = withFastPath(plain, full)
		}
	}
	return out
}

func withFastPath(plain func(string) bool, full func(any) bool) func(any) bool {
	return func(v any) bool {
		if s, ok := v.(string); ok && plain(s) {
			return true
		}
		return full(v)
	}
}

// isPlainDateTime recognises YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm) with a day that exists in
// its month, hours up to 23 and minutes and seconds up to 59, as RFC 3339 (a leap second, valid
// only at 23:59 UTC, is left to the validator).
func isPlainDateTime(s string) bool {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':' {
		return false
	}
	year, ok1 := decimal(s[0:4])
	month, ok2 := decimal(s[5:7])
	day, ok3 := decimal(s[8:10])
	hour, ok4 := decimal(s[11:13])
	minute, ok5 := decimal(s[14:16])
	second, ok6 := decimal(s[17:19])
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !ok6 ||
		month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59 || second > 59 {
		return false
	}
	rest := s[19:]
	if rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 {
			return false
		}
		rest = rest[i:]
	}
	switch {
	case rest == "Z" || rest == "z":
		return true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		h, okh := decimal(rest[1:3])
		m, okm := decimal(rest[4:6])
		return okh && okm && h <= 23 && m <= 59
	}
	return false
}

// decimal reads a string of ASCII digits.
func decimal(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// isPlainEmail recognises local@domain where the local part is a dot-atom of ASCII characters
// (RFC 5322 atext separated by single dots, at most 64 characters) and the domain a host name of
// labels of letters, digits and inner hyphens (each 1 to 63 characters, at most 253 in all).
func isPlainEmail(s string) bool {
	if len(s) > 254 {
		return false
	}
	at := -1
	for i := 0; i < len(s); i++ {
		if s[i] == '@' {
			if at >= 0 {
				return false
			}
			at = i
		}
	}
	if at < 1 || at > 64 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	prev := byte('.')
	for i := 0; i < len(local); i++ {
		c := local[i]
		if c == '.' {
			if prev == '.' {
				return false
			}
		} else if !isAtext(c) {
			return false
		}
		prev = c
	}
	if prev == '.' || len(domain) == 0 || len(domain) > 253 {
		return false
	}
	start := 0
	for i := 0; i <= len(domain); i++ {
		if i < len(domain) && domain[i] != '.' {
			c := domain[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
			continue
		}
		label := domain[start:i]
		if len(label) < 1 || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		start = i + 1
	}
	return true
}

// isAtext tells whether c is an RFC 5322 atext character.
func isAtext(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '/', '=', '?', '^', '_', '`', '{', '|', '}', '~':
		return true
	}
	return false
}
