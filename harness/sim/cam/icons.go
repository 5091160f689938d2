package cam

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// icon is a service icon. Icons belong to the tenant; those of the data set
// (in the default one, the three of the document, lines 2829-2845) are there
// from the start, for every tenant. An icon of the data set may have no
// recorded media type (contentType ""): its record has no ContentTye.
type icon struct {
	id, name, contentType, tenant string
	data                          []byte
}

// svgIcon is the file of the seeded icons.
const svgIcon = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32" fill="#0f62fe"/></svg>`

// seedIcons are the document's icons, with its ids (line 2831; not ObjectIds,
// DEFECTS.md D-26) and its media type for an .svg ("application/xml").
func seedIcons() []*icon {
	return []*icon{
		{id: "5czdb1bc1b47001cbc556", name: "serviceicon_1.svg", contentType: "application/xml", data: []byte(svgIcon)},
		{id: "5czdb1bc1b47001cbc557", name: "serviceicon_2.svg", contentType: "application/xml", data: []byte(svgIcon)},
		{id: "SCZ5czdb1bc1b47001cbc559", name: "serviceicon_3.svg", contentType: "application/xml", data: []byte(svgIcon)},
	}
}

func (ic *icon) visibleTo(c caller) bool { return ic.tenant == "" || ic.tenant == c.tenant }

// iconType is the media type recorded for an uploaded file: the part's own,
// else by extension, an .svg being "application/xml" as in the document.
func iconType(name, partType string) string {
	if partType != "" && partType != "application/octet-stream" {
		return partType
	}
	if strings.EqualFold(path.Ext(name), ".svg") {
		return "application/xml"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// uploadIcon implements POST /icons/upload: multipart field "icon" (curl -F
// "icon=@PATH_TO_FILE", line 2798). An icon of the same name is replaced.
func (s *Simulator) uploadIcon(w http.ResponseWriter, r *http.Request, c caller) {
	if err := r.ParseMultipartForm(maxBody); err != nil {
		s.badBody(w, err)
		return
	}
	f, hdr, err := r.FormFile("icon")
	if err != nil {
		s.badBody(w, errors.New(`multipart field "icon" with a file is required`))
		return
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxBody))
	if err != nil {
		s.badBody(w, err)
		return
	}
	name := path.Base(hdr.Filename)
	ic := &icon{id: s.ids.Hex(24), name: name, contentType: iconType(name, hdr.Header.Get("Content-Type")), tenant: c.tenant, data: data}
	for i, old := range s.icons {
		if old.name == name && old.tenant == c.tenant {
			s.icons = append(s.icons[:i], s.icons[i+1:]...)
			break
		}
	}
	s.icons = append(s.icons, ic)
	res := obj{"name": ic.name, "id": ic.id}
	if s.faults.On(FaultWrongType) {
		res["id"] = len(s.icons)
	}
	if s.faults.On(FaultMissingRequiredField) {
		delete(res, "name") // the one body whose fields the document states (line 2800)
	}
	s.ok(w, obj{"res": res}, http.StatusCreated)
}

// listIcons implements GET /icons (listIcons, and listIconsByName with
// filter[where][name]): LoopBack where filters on name, id and ContentTye.
func (s *Simulator) listIcons(w http.ResponseWriter, r *http.Request, c caller) {
	q := r.URL.Query()
	filters := map[string]func(*icon) string{
		"filter[where][name]":       func(ic *icon) string { return ic.name },
		"filter[where][id]":         func(ic *icon) string { return ic.id },
		"filter[where][ContentTye]": func(ic *icon) string { return ic.contentType },
	}
	out := []any{}
next:
	for _, ic := range s.icons {
		if !ic.visibleTo(c) {
			continue
		}
		for param, field := range filters {
			if vals, ok := q[param]; ok && field(ic) != vals[0] {
				continue next
			}
		}
		rec := s.data.decorate(recordIcon, obj{"name": ic.name, "id": ic.id})
		if ic.contentType != "" {
			rec["ContentTye"] = ic.contentType
		}
		if s.faults.On(FaultMissingRequiredField) {
			delete(rec, "id")
		}
		out = append(out, rec)
	}
	s.json(w, http.StatusOK, out)
}

// deleteIcon implements DELETE /icons/{iconId}; the answer is LoopBack's
// delete result, {"count": 1}.
func (s *Simulator) deleteIcon(w http.ResponseWriter, r *http.Request, c caller) {
	id := r.PathValue("iconId")
	for i, ic := range s.icons {
		if ic.id == id && ic.visibleTo(c) {
			s.icons = append(s.icons[:i], s.icons[i+1:]...)
			s.json(w, http.StatusOK, obj{"count": 1})
			return
		}
	}
	s.notFound(w, "icon", id)
}

// downloadIcon implements GET /icons/name/{iconName}: the file, under its
// recorded media type.
func (s *Simulator) downloadIcon(w http.ResponseWriter, r *http.Request, c caller) {
	name := r.PathValue("iconName")
	for i := len(s.icons) - 1; i >= 0; i-- {
		ic := s.icons[i]
		if ic.name == name && ic.visibleTo(c) {
			w.Header().Set("Content-Disposition", `attachment; filename="`+ic.name+`"`)
			ct := ic.contentType
			if ct == "" {
				ct = "application/octet-stream"
			}
			sim.WriteBody(w, http.StatusOK, ct, ic.data)
			return
		}
	}
	s.notFound(w, "icon", name)
}
