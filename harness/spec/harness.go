package spec

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// Harness is the content of specs/NAME/harness.yaml: what the harness needs to know about an API
// beyond its contract.
type Harness struct {
	// Title is the API's human name.
	Title string `yaml:"title"`
	// Document names the vendor document the contract is derived from.
	Document string `yaml:"document"`
	// Auth says how a scenario authenticates.
	Auth Auth `yaml:"auth"`
	// Credentials are the default credential sets by name ("default" is used when a step names
	// none). They are the simulator's; real runs override them from the environment or a profile.
	Credentials map[string]Credential `yaml:"credentials"`
	// CredentialRoles declares the roles of credential sets, for APIs with roles (see
	// CredentialRoles), in the order the generated scenarios prefer them.
	CredentialRoles []CredentialRoles `yaml:"credential_roles"`
	// SecretFields are extra JSON keys, XML element or attribute names, form fields and query
	// parameters whose values are redacted, beyond the policy every API shares.
	SecretFields []string `yaml:"secret_fields"`
	// PollInterval is the pause between two polls in live runs (Go duration; default 200ms).
	PollInterval string `yaml:"poll_interval"`
	// Callbacks configures the asynchronous notifications of an API whose contract declares
	// OpenAPI callbacks.
	Callbacks CallbackConfig `yaml:"callbacks"`
	// Cleanup lists the resources a run may create, how it recognises them (their names start
	// with the run id) and how it deletes them again.
	Cleanup []CleanupRule `yaml:"cleanup"`
	// Fixtures are the target variables scenarios may name: what they need from the cloud and
	// cannot create themselves (see Fixture).
	Fixtures []Fixture `yaml:"fixtures"`
	// MediaTypes lists the representations of the API, the document's main one first: requests
	// prefer them in this order (Accept), where an operation documents several.
	MediaTypes []string `yaml:"media_types"`
	// Preflight says how a live run checks the target before its scenarios.
	Preflight Preflight `yaml:"preflight"`
}

// CallbackConfig says how notifications are correlated with the requests that caused them.
type CallbackConfig struct {
	// TransactionHeaders are the spellings of the header carrying the transaction id, on the
	// synchronous answer and on the notification (compared case-insensitively, "_" = "-").
	TransactionHeaders []string `yaml:"transaction_headers"`
	// Timeout is how long a step waits for a notification by default (Go duration; default 30s).
	Timeout string `yaml:"timeout"`
}

// Auth describes how a scenario authenticates.
type Auth struct {
	// Kind is one of: none, basic, bearer, login.
	Kind string `yaml:"kind"`
	// Login is used when Kind is "login": a request that opens a session (a cookie kept by the
	// scenario's cookie jar).
	Login *Login `yaml:"login"`
}

// Login is the request that opens a session.
type Login struct {
	// Method and Path of the login request.
	Method string `yaml:"method"`
	Path   string `yaml:"path"`
	// ContentType of Body (default application/json).
	ContentType string `yaml:"content_type"`
	// Body is a template: ${username} and ${password} are replaced by the credential.
	Body string `yaml:"body"`
	// Save maps scenario variable names to JSON pointers in the login response
	// (e.g. expire_after: /expire_after).
	Save map[string]string `yaml:"save"`
}

// Credential is one set of credentials.
type Credential struct {
	Username string `yaml:"username,omitempty"`
	Password string `yaml:"password,omitempty"`
	Token    string `yaml:"token,omitempty"`
}

// Auth kinds.
const (
	AuthNone   = "none"
	AuthBasic  = "basic"
	AuthBearer = "bearer"
	AuthLogin  = "login"
)

func loadHarness(path string) (Harness, error) {
	var h Harness
	data, err := os.ReadFile(path)
	if err != nil {
		return h, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&h); err != nil {
		return h, fmt.Errorf("%s: %w", path, err)
	}
	switch h.Auth.Kind {
	case AuthNone, AuthBasic, AuthBearer:
	case AuthLogin:
		if h.Auth.Login == nil || h.Auth.Login.Path == "" || h.Auth.Login.Method == "" {
			return h, fmt.Errorf("%s: auth.kind login needs auth.login.method and auth.login.path", path)
		}
		h.Auth.Login.Method = strings.ToUpper(h.Auth.Login.Method)
		if h.Auth.Login.ContentType == "" {
			h.Auth.Login.ContentType = "application/json"
		}
	case "":
		h.Auth.Kind = AuthNone
	default:
		return h, fmt.Errorf("%s: auth.kind %q is not one of none, basic, bearer, login", path, h.Auth.Kind)
	}
	return h, nil
}
