package spec

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// API is one loaded, validated contract.
type API struct {
	// Name is the folder name (ukcloud, cloudcontrol, esc, cam).
	Name string
	// Dir is the folder holding openapi.yaml.
	Dir string
	// Doc is the parsed OpenAPI document with every $ref resolved.
	Doc *openapi3.T
	// Harness holds specs/NAME/harness.yaml.
	Harness Harness
	// Hash is the sha256 of every file of the contract (openapi.yaml, schemas, harness.yaml),
	// so a cassette or a bundle can say which contract it was made against.
	Hash string
	// Files lists the contract's files, relative to Dir, with their sha256.
	Files map[string]string

	router    *Router
	schemas   *schemaSet
	readBacks map[string]*ReadBack
	bodies    sync.Map // bodyKey -> bodyEntry
}

// LoadError is returned when a contract cannot be loaded; it names the file.
type LoadError struct {
	File string
	Err  error
}

// Error implements error.
func (e *LoadError) Error() string { return fmt.Sprintf("spec %s: %v", e.File, e.Err) }

// Unwrap returns the underlying error.
func (e *LoadError) Unwrap() error { return e.Err }

// Load reads and validates the contract in dir (which must hold openapi.yaml and harness.yaml).
func Load(dir string) (*API, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(abs)
	specFile := filepath.Join(abs, "openapi.yaml")
	harnessFile := filepath.Join(abs, "harness.yaml")
	h, err := loadHarness(harnessFile)
	if err != nil {
		return nil, &LoadError{File: harnessFile, Err: err}
	}
	data, err := os.ReadFile(specFile)
	if err != nil {
		return nil, &LoadError{File: specFile, Err: err}
	}
	merged, fromExtension, err := mergeQueryPaths(data)
	if err != nil {
		return nil, &LoadError{File: specFile, Err: err}
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true
	doc, err := loader.LoadFromDataWithPath(merged, &url.URL{Path: filepath.ToSlash(specFile)})
	if err != nil {
		return nil, &LoadError{File: specFile, Err: err}
	}
	if err := doc.Validate(context.Background(), validationOptions...); err != nil {
		return nil, &LoadError{File: specFile, Err: err}
	}
	files, hash, err := hashTree(abs)
	if err != nil {
		return nil, &LoadError{File: abs, Err: err}
	}
	api := &API{Name: name, Dir: abs, Doc: doc, Harness: h, Hash: hash, Files: files}
	api.router, err = newRouter(doc, fromExtension)
	if err != nil {
		return nil, &LoadError{File: specFile, Err: err}
	}
	api.schemas = newSchemaSet(specFile)
	if err := api.checkCleanup(); err != nil {
		return nil, &LoadError{File: harnessFile, Err: err}
	}
	if err := api.checkFixtures(); err != nil {
		return nil, &LoadError{File: harnessFile, Err: err}
	}
	if err := api.loadReadBacks(abs); err != nil {
		return nil, &LoadError{File: filepath.Join(abs, ReadBackFile), Err: err}
	}
	return api, nil
}

// validationOptions: examples are checked by `cloudcontract lint` with the same machinery as
// responses; the vendors' published JSON schemas use draft-4 keywords OpenAPI 3.0 does not list.
var validationOptions = []openapi3.ValidationOption{
	openapi3.DisableExamplesValidation(),
	openapi3.EnableMultiError(),
	openapi3.AllowExtraSiblingFields("definitions", "$schema", "id", "$id", "patternProperties", "dependencies", "additionalItems", "const"),
}

// hashTree returns the sha256 of each contract file (yaml and json under dir, DEFECTS.md and other
// prose excluded) and one hash over all of them.
// notContract names the files of a spec folder that are not part of the contract a cassette is
// recorded against: negative.yaml only tells the scenario generator what a person knows of the
// API's failures, and editing it must not make every cassette look recorded against another one;
// readback.yaml only says how the harness reads back what a scenario wrote.
var notContract = map[string]bool{"negative.yaml": true, ReadBackFile: true}

func hashTree(dir string) (map[string]string, string, error) {
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(path))
		if ext != ".yaml" && ext != ".yml" && ext != ".json" || notContract[d.Name()] {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	all := sha256.New()
	for _, n := range names {
		fmt.Fprintf(all, "%s %s\n", files[n], n)
	}
	return files, hex.EncodeToString(all.Sum(nil)), nil
}

// Operations lists every operation of the contract, sorted by path key then method.
func (a *API) Operations() []*Operation { return a.router.ops }

// Operation returns the operation with the given operationId, or nil.
func (a *API) Operation(id string) *Operation {
	for _, op := range a.router.ops {
		if op.ID == id {
			return op
		}
	}
	return nil
}

// Find returns the operation that describes method and path (with its raw query), and the values
// of its path parameters. Only the path is used: never the host.
func (a *API) Find(method, path, rawQuery string) (*Operation, map[string]string, error) {
	return a.router.Find(method, path, rawQuery)
}

// Registry loads each API once per process and hands out the same *API afterwards.
type Registry struct {
	// Root is the folder holding one folder per API (normally "specs").
	Root string

	mu   sync.Mutex
	apis map[string]*API
}

// NewRegistry returns a registry over root.
func NewRegistry(root string) *Registry { return &Registry{Root: root, apis: map[string]*API{}} }

// Get loads (once) and returns the named API.
func (r *Registry) Get(name string) (*API, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if api, ok := r.apis[name]; ok {
		return api, nil
	}
	dir := filepath.Join(r.Root, name)
	if _, err := os.Stat(filepath.Join(dir, "openapi.yaml")); err != nil {
		known, _ := r.names()
		return nil, fmt.Errorf("unknown API %q: no %s (known: %s)", name, filepath.Join(dir, "openapi.yaml"), strings.Join(known, ", "))
	}
	api, err := Load(dir)
	if err != nil {
		return nil, err
	}
	r.apis[name] = api
	return api, nil
}

// Names lists the APIs present under Root (folders with an openapi.yaml and a harness.yaml).
func (r *Registry) Names() ([]string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.names()
}

func (r *Registry) names() ([]string, error) {
	entries, err := os.ReadDir(r.Root)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join(r.Root, e.Name(), "harness.yaml")); err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(r.Root, e.Name(), "openapi.yaml")); err != nil {
			continue
		}
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, nil
}
