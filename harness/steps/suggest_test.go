package steps

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVocabularyCompiles(t *testing.T) {
	ps := Vocabulary()
	require.NotEmpty(t, ps)
	for _, p := range ps {
		_, err := regexp.Compile(p)
		assert.NoError(t, err, p)
	}
	assert.True(t, Defined(`I send a GET request to "/api/accounts"`))
	assert.True(t, Defined(`I wait "${expire_after}" seconds`))
	assert.False(t, Defined(`I sned a GET request to "/api/accounts"`))
}

func TestSuggest(t *testing.T) {
	tests := []struct{ text, want string }{
		{`I sned a GET request to "/api/accounts"`, `^I send an? (GET|POST|PUT|DELETE|PATCH|HEAD) request to "([^"]*)"$`},
		{`the response status shuold be 200`, `^the response status should be (\d{3})$`},
		{`the response feild "/data/id" should be "x"`, `^the response field "([^"]*)" should be "([^"]*)"$`},
		{`I am authenticated as admin`, `^I am authenticated as "([^"]*)"$`},
		{`I wait 5 second`, `^I wait "?([^"]*?)"? seconds?$`},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := Suggest(tt.text, 3)
			require.NotEmpty(t, got)
			assert.Equal(t, tt.want, got[0], "%q", got)
		})
	}
}

func TestUndefinedStepsNameTheLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.feature")
	require.NoError(t, os.WriteFile(path, []byte(`Feature: x

  Background:
    Given I am not authenticated

  Scenario: typo
    When I sned a GET request to "/api/accounts"
    Then the response status should be 200

  Scenario Outline: outline <n>
    Then the response status shuold be <n>

    Examples:
      | n   |
      | 200 |
      | 404 |
`), 0o644))
	got, err := UndefinedSteps(path)
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, path+`:7`, got[0].File+":"+strconv.Itoa(got[0].Line))
	assert.Equal(t, `undefined step at `+path+`:7: When I sned a GET request to "/api/accounts"; did you mean: ^I send an? (GET|POST|PUT|DELETE|PATCH|HEAD) request to "([^"]*)"$`, got[0].Error())
	assert.Equal(t, 11, got[1].Line)
	assert.Equal(t, "the response status shuold be 200", got[1].Text)
	assert.Equal(t, "the response status shuold be 404", got[2].Text)
}
