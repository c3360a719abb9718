// Package recipeapi serves the recipe service's routes (API.md, "recipe")
// on kit: search, detail, recipes by ingredients, recipe → products and
// broadcasts, bookmarks and ratings.
package recipeapi

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/google/wire"
	"github.com/gorilla/mux"

	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/recipe"
)

// ProviderSet builds the slice.
var ProviderSet = wire.NewSet(New)

// Slice is the recipe service's HTTP side.
type Slice struct {
	svc   *recipe.Service
	authn kit.Authenticator

	// details caches each recipe's encoded detail under its catalogue
	// revision: the detail page is the hottest route, and encoding a
	// recipe costs more than everything else the handler does.
	mu      sync.RWMutex
	details map[int64]cachedDetail
}

type cachedDetail struct {
	rev  uint64
	body []byte
}

var _ kit.Slice = (*Slice)(nil)

// New builds the slice. authn checks access tokens (user.Authenticate): on
// protected routes, and on the routes that personalise for a signed-in
// caller while serving anonymous ones.
func New(svc *recipe.Service, authn kit.Authenticator) *Slice {
	return &Slice{svc: svc, authn: authn, details: map[int64]cachedDetail{}}
}

const (
	recipesPath = "/api/v1/recipes"
	idVar       = "{id:[0-9]+}"
)

var idParam = kit.Param{Name: "id", In: "path", Type: "integer", Description: "Recipe id."}

// Routes registers the routes of API.md's recipe table.
func (s *Slice) Routes(api *kit.API) {
	api = api.WithAuth(s.authn)
	tags := []string{"recipes"}
	optional := " Optional sign-in: with Authorization: Bearer <access token> the answer is personalised; an invalid token is 401, no header is anonymous."
	api.Handle(http.MethodGet, recipesPath, s.search, kit.Op{
		ID: "searchRecipes", Summary: "Search recipes", Tags: tags,
		Description: "q is Korean-aware: spacing-insensitive (김치 찌개 finds 김치찌개), 초성 (ㄱㅊㅉㄱ), partial words, and typo-tolerant for words of 3+ syllables; " +
			"it searches names, ingredients and summaries. Every filter given must hold. Recipes: 농림축산식품부 data.mafra.go.kr.",
		Params: append([]kit.Param{
			{Name: "q", Description: "Text to search, up to 100 characters."},
			{Name: "ingredient", Repeated: true, Description: "An ingredient the recipe must use (repeatable; all must be used)."},
			{Name: "cuisine", Enum: recipe.Cuisines},
			{Name: "level", Enum: recipe.Levels},
			{Name: "max_minutes", Type: "integer", Description: "Longest cooking time, 1 to 1440."},
			{Name: "sort", Enum: recipe.SearchSorts, Description: "relevance (default: text relevance with q, best rated without), minutes (quickest first), rating, name (가나다)."},
		}, kit.PageParams()...),
		Response: RecipeList{}, Errors: []int{http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodGet, recipesPath+"/"+idVar, s.get, kit.Op{
		ID: "getRecipe", Summary: "A recipe with its ingredients (amount as written, parsed quantity and unit) and steps", Tags: tags,
		Params: []kit.Param{idParam}, Response: RecipeDetail{}, Errors: []int{http.StatusNotFound},
	})
	api.Handle(http.MethodPost, recipesPath+"/by-ingredients", s.byIngredients, kit.Op{
		ID: "recipesByIngredients", Summary: "Recipes ranked by how much of them the given ingredients cover", Tags: tags,
		Description: "Coverage weighs main ingredients 3, sub 2 and seasonings 1; each recipe lists matched and missing ingredients. " +
			"A signed-in caller's allergies and disliked ingredients are excluded like exclude." + optional,
		Params: kit.PageParams(), Request: ByIngredientsRequest{}, Response: MatchList{},
		Errors: []int{http.StatusUnauthorized, http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodGet, recipesPath+"/"+idVar+"/products", s.products, kit.Op{
		ID: "recipeProducts", Summary: "Where to buy a recipe's ingredients: mall products (cheapest first) and upcoming broadcasts", Tags: tags,
		Description: "For a signed-in caller, ingredients they ordered or have in the cart are marked owned and left out of missing_cost." + optional,
		Params:      []kit.Param{idParam, {Name: "limit", Type: "integer", Description: "Products and broadcasts per ingredient, 1 to 10 (default 3)."}},
		Response:    RecipeProducts{}, Errors: []int{http.StatusUnauthorized, http.StatusNotFound, http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodPut, recipesPath+"/"+idVar+"/bookmark", s.putBookmark, kit.Op{
		ID: "bookmarkRecipe", Summary: "Save a recipe (idempotent)", Tags: tags, Auth: true,
		Params: []kit.Param{idParam}, Status: http.StatusNoContent, Errors: []int{http.StatusNotFound},
	})
	api.Handle(http.MethodDelete, recipesPath+"/"+idVar+"/bookmark", s.deleteBookmark, kit.Op{
		ID: "unbookmarkRecipe", Summary: "Un-save a recipe (idempotent)", Tags: tags, Auth: true,
		Params: []kit.Param{idParam}, Status: http.StatusNoContent, Errors: []int{http.StatusNotFound},
	})
	api.Handle(http.MethodGet, "/api/v1/users/me/bookmarks", s.bookmarks, kit.Op{
		ID: "myBookmarks", Summary: "The caller's saved recipes, newest first", Tags: []string{"users", "recipes"}, Auth: true,
		Params: kit.PageParams(), Response: SavedList{}, Errors: []int{http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodPut, recipesPath+"/"+idVar+"/rating", s.rate, kit.Op{
		ID: "rateRecipe", Summary: "Rate a recipe 1 to 5; rating again replaces the caller's rating", Tags: tags, Auth: true,
		Params: []kit.Param{idParam}, Request: RatingRequest{}, Response: RatingResult{},
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	})
}

// recipeID reads the {id} path variable. The route only matches digits, so
// the one failure is a number too large for an id: no such recipe.
func recipeID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	if err != nil {
		return 0, errs.Wrap(errs.ErrNotFound, "no recipe %s", mux.Vars(r)["id"])
	}
	return id, nil
}

// optionalUser is the signed-in caller's id, or 0 without an Authorization
// header. A header that does not authenticate is 401 rather than silently
// anonymous, so a client with an expired token learns to refresh it.
func (s *Slice) optionalUser(w http.ResponseWriter, r *http.Request) (int64, bool) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return 0, true
	}
	scheme, token, ok := strings.Cut(h, " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="kokmeal"`)
		kit.WriteError(w, r, errs.Wrap(errs.ErrUnauthenticated, "malformed Authorization header; send Authorization: Bearer <access token> or none"))
		return 0, false
	}
	claims, err := s.authn.Handle(r.Context(), token)
	if err != nil {
		w.Header().Set("WWW-Authenticate", `Bearer realm="kokmeal", error="invalid_token"`)
		kit.WriteError(w, r, err)
		return 0, false
	}
	return claims.UserID, true
}

// caller is the signed-in caller on an Auth route.
func caller(r *http.Request) int64 {
	c, _ := kit.ClaimsFrom(r.Context())
	return c.UserID
}

// page reads page and size for the core, which checks their ranges.
func page(r *http.Request) (recipe.Page, error) {
	p, size, err := kit.Page(r)
	return recipe.Page{Page: p, Size: size}, err
}

func (s *Slice) search(w http.ResponseWriter, r *http.Request) {
	pg, err := page(r)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	in := recipe.SearchInput{
		Q: kit.Query(r, "q"), Ingredients: kit.QueryAll(r, "ingredient"),
		Cuisine: kit.Query(r, "cuisine"), Level: kit.Query(r, "level"), Sort: kit.Query(r, "sort"), Page: pg,
	}
	if raw := kit.Query(r, "max_minutes"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil {
			kit.WriteError(w, r, errs.Field("max_minutes", "must be an integer between 1 and 1440"))
			return
		}
		in.MaxMinutes = &n
	}
	res, err := s.svc.Search.Handle(r.Context(), in)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	out := RecipeList{Items: make([]RecipeSummary, 0, len(res.Items)), Page: res.Page.Page, Size: res.Page.Size, Total: res.Total}
	for _, rc := range res.Items {
		out.Items = append(out.Items, summaryFrom(rc))
	}
	kit.WriteJSON(w, http.StatusOK, out)
}

func (s *Slice) get(w http.ResponseWriter, r *http.Request) {
	id, err := recipeID(r)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	rc, err := s.svc.Get.Handle(r.Context(), id)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	body, err := s.detail(rc)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// detail answers rc's encoded detail, from the cache while rc's revision is
// the cached one.
func (s *Slice) detail(rc recipe.Recipe) ([]byte, error) {
	s.mu.RLock()
	c, ok := s.details[rc.ID]
	s.mu.RUnlock()
	if ok && c.rev == rc.Rev {
		return c.body, nil
	}
	b, err := json.Marshal(detailFrom(rc))
	if err != nil {
		return nil, err
	}
	b = append(b, '\n')
	s.mu.Lock()
	// Keep the newer of two concurrent renderings.
	if c, ok := s.details[rc.ID]; !ok || c.rev < rc.Rev {
		s.details[rc.ID] = cachedDetail{rev: rc.Rev, body: b}
	}
	s.mu.Unlock()
	return b, nil
}

func (s *Slice) byIngredients(w http.ResponseWriter, r *http.Request) {
	uid, ok := s.optionalUser(w, r)
	if !ok {
		return
	}
	var in ByIngredientsRequest
	if err := kit.Decode(r, &in); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	pg, err := page(r)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	res, err := s.svc.ByIngredients.Handle(r.Context(), recipe.ByIngredientsInput{UserID: uid, Ingredients: in.Ingredients, Exclude: in.Exclude, Page: pg})
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, matchListFrom(res))
}

func (s *Slice) products(w http.ResponseWriter, r *http.Request) {
	uid, ok := s.optionalUser(w, r)
	if !ok {
		return
	}
	id, err := recipeID(r)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	in := recipe.ProductsInput{UserID: uid, RecipeID: id}
	if raw := kit.Query(r, "limit"); raw != "" {
		if in.Limit, err = strconv.Atoi(raw); err != nil || in.Limit == 0 {
			kit.WriteError(w, r, errs.Field("limit", "must be between 1 and 10"))
			return
		}
	}
	res, err := s.svc.Products.Handle(r.Context(), in)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, productsFrom(res))
}

func (s *Slice) putBookmark(w http.ResponseWriter, r *http.Request) {
	id, err := recipeID(r)
	if err == nil {
		err = s.svc.PutBookmark.Handle(r.Context(), caller(r), id)
	}
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Slice) deleteBookmark(w http.ResponseWriter, r *http.Request) {
	id, err := recipeID(r)
	if err == nil {
		err = s.svc.DeleteBookmark.Handle(r.Context(), caller(r), id)
	}
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Slice) bookmarks(w http.ResponseWriter, r *http.Request) {
	pg, err := page(r)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	res, err := s.svc.Bookmarks.Handle(r.Context(), caller(r), pg)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	out := SavedList{Items: make([]SavedRecipe, 0, len(res.Items)), Page: res.Page.Page, Size: res.Page.Size, Total: res.Total}
	for _, it := range res.Items {
		out.Items = append(out.Items, SavedRecipe{Recipe: summaryFrom(it.Recipe), SavedAt: it.SavedAt.UTC()})
	}
	kit.WriteJSON(w, http.StatusOK, out)
}

func (s *Slice) rate(w http.ResponseWriter, r *http.Request) {
	id, err := recipeID(r)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	var in RatingRequest
	if err := kit.Decode(r, &in); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	agg, err := s.svc.Rate.Handle(r.Context(), recipe.RateInput{UserID: caller(r), RecipeID: id, Stars: in.Rating})
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	rt := ratingFrom(agg)
	kit.WriteJSON(w, http.StatusOK, RatingResult{RecipeID: id, Rating: in.Rating, Average: rt.Average, Count: rt.Count})
}
