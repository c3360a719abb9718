package kit

import (
	"cmp"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3gen"
	"github.com/gorilla/mux"
)

// Param documents a query, path or header parameter.
type Param struct {
	Name string
	// In is "query" (the default), "path" or "header".
	In string
	// Type is "string" (the default), "integer", "number" or "boolean".
	Type        string
	Description string
	Required    bool
	// Repeated marks a query parameter that may be given several times
	// (?ingredient=a&ingredient=b).
	Repeated bool
	Enum     []string
}

// Op documents a route. Registration refuses an Op it cannot document.
type Op struct {
	// ID is the operationId, unique in the API ("login", "getMe").
	ID          string
	Summary     string
	Description string
	Tags        []string
	// Auth routes take "Authorization: Bearer <access token>": Handle
	// wraps the handler with RequireAuth, so the docs and the check agree.
	Auth bool
	// Request is a zero value of the JSON body's type, nil for no body.
	Request any
	// Response is a zero value of the success body's type, nil for none.
	Response any
	// Status is the success status (default 200; 204 means no body).
	Status int
	// Errors lists the error statuses the route answers besides those
	// every route of its kind may answer (added for you: 500 always; 401
	// with Auth; 400, 413 and 415 with a Request).
	Errors []int
	Params []Param
}

// API is the route registry a slice's Routes is given: Handle puts a route
// on the router and its documentation into the OpenAPI document at once.
type API struct {
	reg   *registry
	authn Authenticator
}

type registry struct {
	router *mux.Router
	doc    *openapi3.T
	names  map[string]reflect.Type // component schema name → Go type
	ops    map[string]bool         // operation ids
}

const (
	bearerScheme   = "bearerAuth"
	errorSchema    = "Error"
	mediaTypeJSON  = "application/json"
	openAPIVersion = "3.0.3"
)

func newAPI(cfg Config, router *mux.Router) *API {
	doc := &openapi3.T{
		OpenAPI: openAPIVersion,
		Info: &openapi3.Info{
			Title:       "Kokmeal " + cfg.Service + " API",
			Version:     cfg.Version,
			Description: "Errors answer {\"error\": {\"code\", \"message\", \"fields\", \"request_id\"}}. Strings are taken in Unicode NFC.",
		},
		Paths: openapi3.NewPaths(),
		Components: &openapi3.Components{
			Schemas: openapi3.Schemas{},
			SecuritySchemes: openapi3.SecuritySchemes{
				bearerScheme: &openapi3.SecuritySchemeRef{Value: openapi3.NewJWTSecurityScheme().
					WithDescription("An access token from POST /api/v1/auth/login or /api/v1/auth/refresh.")},
			},
		},
	}
	a := &API{reg: &registry{router: router, doc: doc, names: map[string]reflect.Type{}, ops: map[string]bool{}}}
	if _, err := a.schema(ErrorBody{}); err != nil { // the shared "Error" component
		panic(err)
	}
	return a
}

// WithAuth returns a view of the registry whose Auth routes are checked by
// authn. A slice with protected routes calls it first:
//
//	api = api.WithAuth(svc.Authenticate)
func (a *API) WithAuth(authn Authenticator) *API {
	return &API{reg: a.reg, authn: authn}
}

var pathVar = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(?::[^{}]*)?\}`)

// Handle registers method path (a mux template: "/api/v1/recipes/{id:[0-9]+}")
// with h, documented by op. It panics on a route it cannot document (no ID
// or summary, a duplicate route or ID, a path variable without its Param,
// an Auth route on an API without WithAuth): such a service must not start.
func (a *API) Handle(method, path string, h http.HandlerFunc, op Op) {
	method = strings.ToUpper(method)
	fail := func(format string, args ...any) {
		panic(fmt.Sprintf("kit: %s %s: %s", method, path, fmt.Sprintf(format, args...)))
	}
	if !slices.Contains(methods, method) {
		fail("unsupported method")
	}
	if !strings.HasPrefix(path, "/") {
		fail("path must start with /")
	}
	if op.ID == "" || op.Summary == "" {
		fail("an Op needs an ID and a Summary")
	}
	if a.reg.ops[op.ID] {
		fail("duplicate operation id %q", op.ID)
	}
	if op.Auth && a.authn == nil {
		fail("Auth route on an API without an Authenticator: call api.WithAuth first")
	}
	docPath := pathVar.ReplaceAllString(path, "{$1}")
	item := a.reg.doc.Paths.Value(docPath)
	if item == nil {
		item = &openapi3.PathItem{}
		a.reg.doc.Paths.Set(docPath, item)
	}
	if item.GetOperation(method) != nil {
		fail("duplicate route")
	}
	operation, err := a.operation(path, op)
	if err != nil {
		fail("%v", err)
	}
	item.SetOperation(method, operation)
	a.reg.ops[op.ID] = true

	var handler http.Handler = h
	if op.Auth {
		handler = RequireAuth(a.authn)(handler)
	}
	a.reg.router.Handle(path, handler).Methods(method).Name(op.ID)
}

var methods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

func (a *API) operation(path string, op Op) (*openapi3.Operation, error) {
	o := openapi3.NewOperation()
	o.OperationID, o.Summary, o.Description, o.Tags = op.ID, op.Summary, op.Description, op.Tags

	// Parameters: every path variable must be documented as a path Param,
	// and every path Param must be in the path.
	vars := map[string]bool{}
	for _, m := range pathVar.FindAllStringSubmatch(path, -1) {
		vars[m[1]] = true
	}
	for _, p := range op.Params {
		in := p.In
		if in == "" {
			in = openapi3.ParameterInQuery
		}
		if in == openapi3.ParameterInPath {
			if !vars[p.Name] {
				return nil, fmt.Errorf("path param %q is not in the path", p.Name)
			}
			delete(vars, p.Name)
			p.Required = true
		}
		s := &openapi3.Schema{Type: &openapi3.Types{cmp.Or(p.Type, "string")}}
		for _, e := range p.Enum {
			s.Enum = append(s.Enum, e)
		}
		if p.Repeated {
			s = &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: openapi3.NewSchemaRef("", s)}
		}
		o.AddParameter(&openapi3.Parameter{Name: p.Name, In: in, Description: p.Description, Required: p.Required, Schema: openapi3.NewSchemaRef("", s)})
	}
	for v := range vars {
		return nil, fmt.Errorf("path variable %q has no Param{In: \"path\"}", v)
	}

	if op.Request != nil {
		ref, err := a.schema(op.Request)
		if err != nil {
			return nil, err
		}
		o.RequestBody = &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().WithRequired(true).WithJSONSchemaRef(ref)}
	}

	status := cmp.Or(op.Status, http.StatusOK)
	o.Responses = openapi3.NewResponses()
	ok := openapi3.NewResponse().WithDescription(http.StatusText(status))
	if op.Response != nil && status != http.StatusNoContent {
		ref, err := a.schema(op.Response)
		if err != nil {
			return nil, err
		}
		ok = ok.WithJSONSchemaRef(ref)
	}
	o.AddResponse(status, ok)

	errStatuses := slices.Clone(op.Errors)
	errStatuses = append(errStatuses, http.StatusInternalServerError)
	if op.Auth {
		errStatuses = append(errStatuses, http.StatusUnauthorized)
		o.Security = openapi3.NewSecurityRequirements().With(openapi3.NewSecurityRequirement().Authenticate(bearerScheme))
	}
	if op.Request != nil {
		errStatuses = append(errStatuses, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType)
	}
	slices.Sort(errStatuses)
	for _, s := range slices.Compact(errStatuses) {
		o.AddResponse(s, errorResponseDoc(s))
	}
	return o, nil
}

func errorResponseDoc(status int) *openapi3.Response {
	r := openapi3.NewResponse().
		WithDescription(http.StatusText(status)).
		WithJSONSchemaRef(openapi3.NewSchemaRef("#/components/schemas/"+errorSchema, nil))
	header := func(name, desc string, s *openapi3.Schema) {
		if r.Headers == nil {
			r.Headers = openapi3.Headers{}
		}
		r.Headers[name] = &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: openapi3.Parameter{Description: desc, Schema: openapi3.NewSchemaRef("", s)}}}
	}
	switch status {
	case http.StatusTooManyRequests:
		header("Retry-After", "Seconds to wait before trying again.", openapi3.NewIntegerSchema())
	case http.StatusUnauthorized:
		header("WWW-Authenticate", "Bearer challenge.", openapi3.NewStringSchema())
	}
	return r
}

// schema documents v's type: structs become components named after their
// type, fields after their json tags.
func (a *API) schema(v any) (*openapi3.SchemaRef, error) {
	ref, err := openapi3gen.NewSchemaRefForValue(v, a.reg.doc.Components.Schemas,
		openapi3gen.CreateComponentSchemas(openapi3gen.ExportComponentSchemasOptions{ExportComponentSchemas: true, ExportTopLevelSchema: true}),
		openapi3gen.CreateTypeNameGenerator(a.typeName),
		openapi3gen.SchemaCustomizer(customizeSchema),
	)
	if err != nil {
		return nil, fmt.Errorf("documenting %T: %w", v, err)
	}
	// The customizer sees a list field's tag twice, for the list and for
	// its items; keep the description on the list only.
	for _, c := range a.reg.doc.Components.Schemas {
		if c.Value == nil {
			continue
		}
		for _, p := range c.Value.Properties {
			if p.Value != nil && p.Value.Items != nil && p.Value.Items.Value != nil && p.Value.Items.Value.Description == p.Value.Description {
				p.Value.Items.Value.Description = ""
			}
		}
	}
	return ref, nil
}

// typeName names a component after its Go type, qualified with its package
// only when two packages use the same name, so schemas never merge by
// accident.
func (a *API) typeName(t reflect.Type) string {
	name := t.Name()
	switch {
	case t == reflect.TypeFor[ErrorBody]():
		name = errorSchema
	case name == "" || strings.Contains(name, "["):
		return name // anonymous and generic types stay inline
	}
	if prev, ok := a.reg.names[name]; ok && prev != t {
		name = pkgName(t) + "." + name
		if prev, ok := a.reg.names[name]; ok && prev != t {
			panic(fmt.Sprintf("kit: two types document as schema %q: %v and %v", name, prev, t))
		}
	}
	a.reg.names[name] = t
	return name
}

func pkgName(t reflect.Type) string {
	p := t.PkgPath()
	return p[strings.LastIndexByte(p, '/')+1:]
}

// customizeSchema reads what the json tag cannot say:
//
//	doc:"..."            a description
//	enum:"a,b,c"         allowed string values
//	format:"email"       a string format
//
// A struct's fields are required unless their json tag has omitempty or they
// are pointers; a pointer field with omitempty may be absent but is never
// null.
func customizeSchema(_ string, t reflect.Type, tag reflect.StructTag, s *openapi3.Schema) error {
	if d := tag.Get("doc"); d != "" && t.Kind() != reflect.Struct {
		s.Description = d
	}
	if e := tag.Get("enum"); e != "" && t.Kind() == reflect.String {
		for _, v := range strings.Split(e, ",") {
			s.Enum = append(s.Enum, v)
		}
	}
	if f := tag.Get("format"); f != "" && t.Kind() == reflect.String {
		s.Format = f
	}
	if strings.Contains(tag.Get("json"), ",omitempty") {
		s.Nullable = false
	}
	if t.Kind() == reflect.Struct {
		s.Required = nil
		for i := range t.NumField() {
			f := t.Field(i)
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "" || name == "-" {
				continue
			}
			if f.Type.Kind() != reflect.Pointer && !strings.Contains(","+opts+",", ",omitempty,") {
				s.Required = append(s.Required, name)
			}
		}
	}
	return nil
}
