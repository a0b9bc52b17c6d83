package publish

import (
	"context"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/server"
)

// localTransport serves file:// and path remotes in-process with go-git's
// server, so that no git-upload-pack or git-receive-pack binary is needed.
type localTransport struct {
	loader server.Loader
	inner  transport.Transport
}

func newLocalTransport() transport.Transport {
	return localTransport{loader: server.DefaultLoader, inner: server.NewClient(server.DefaultLoader)}
}

func (t localTransport) NewUploadPackSession(ep *transport.Endpoint, auth transport.AuthMethod) (transport.UploadPackSession, error) {
	s, err := t.inner.NewUploadPackSession(ep, auth)
	if err != nil {
		return nil, err
	}
	st, err := t.loader.Load(ep)
	if err != nil {
		s.Close()
		return nil, err
	}
	return knownHaves{UploadPackSession: s, has: st.HasEncodedObject}, nil
}

func (t localTransport) NewReceivePackSession(ep *transport.Endpoint, auth transport.AuthMethod) (transport.ReceivePackSession, error) {
	return t.inner.NewReceivePackSession(ep, auth)
}

// knownHaves drops from a fetch request the commits the client has that the
// server does not know: go-git's server fails on them ("object not found")
// where git's ignores them, as the protocol intends.
type knownHaves struct {
	transport.UploadPackSession
	has func(plumbing.Hash) error
}

func (k knownHaves) UploadPack(ctx context.Context, req *packp.UploadPackRequest) (*packp.UploadPackResponse, error) {
	haves := req.Haves[:0:0]
	for _, h := range req.Haves {
		if k.has(h) == nil {
			haves = append(haves, h)
		}
	}
	req.Haves = haves
	return k.UploadPackSession.UploadPack(ctx, req)
}
