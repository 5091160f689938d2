package config

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoad(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"full", "target: https://x\ntimeout: 45s\nretries: 3\nconcurrency: 4\napis:\n  cam:\n    credentials:\n      default: {token: t}\n  cloudcontrol: {profile: ntta, region: EU}\n", ""},
		{"empty", "", ""},
		{"unknown key", "target: https://x\ncolour: red\n", "line 2: field colour not found"},
		{"bad yaml", "target: [\n", "profile"},
		{"bad timeout", "target: https://x\ntimeout: soon\n", `timeout "soon" is not a positive duration (e.g. 30s) (line 2)`},
		{"negative retries", "retries: -1\n", "retries -1 cannot be negative (line 1)"},
		{"bad poll interval", "target: https://x\npoll_interval: 0s\n", `poll_interval "0s" is not a positive duration (e.g. 30s) (line 2)`},
		{"insecure and ca", "insecure: true\nca_cert: /x.pem\n", "contradict each other (line 1)"},
		{"target and profile", "apis:\n  cloudcontrol: {target: https://x, profile: ntta}\n", "apis.cloudcontrol gives both target and profile (line 2)"},
		{"unknown credential field", "apis:\n  cam:\n    credentials:\n      default: {pin: 1}\n", "line 4: field pin not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "profile.yaml")
			require.NoError(t, os.WriteFile(p, []byte(tt.content), 0o644))
			f, err := Load(p)
			if tt.want != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.want)
				assert.Contains(t, err.Error(), p)
				return
			}
			require.NoError(t, err)
			if tt.name == "full" {
				assert.Equal(t, 45*time.Second, f.TimeoutValue)
				assert.Equal(t, 3, *f.Retries)
				assert.Equal(t, "t", f.APIs["cam"].Credentials["default"].Token)
				assert.Equal(t, "ntta", f.APIs["cloudcontrol"].Profile)
			}
		})
	}
	_, err := Load(filepath.Join(t.TempDir(), "missing.yaml"))
	assert.ErrorContains(t, err, "profile:")
}
