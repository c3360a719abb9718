package user

// Service gathers the user use cases; routers and hosts depend on it.
type Service struct {
	Signup        Signup
	Login         Login
	Refresh       Refresh
	Logout        Logout
	Authenticate  Authenticate
	Me            Me
	UpdateProfile UpdateProfile
	DeleteAccount DeleteAccount
}

// NewService wires the use cases from their ports.
func NewService(users UserStore, tokens RefreshTokenStore, hasher PasswordHasher, issuer TokenIssuer, clock Clock, cfg Config) (*Service, error) {
	login, err := NewLogin(users, hasher, tokens, issuer, clock, cfg)
	if err != nil {
		return nil, err
	}
	return &Service{
		Signup:        NewSignup(users, hasher, clock),
		Login:         login,
		Refresh:       NewRefresh(users, tokens, issuer, clock, cfg),
		Logout:        NewLogout(tokens, issuer, clock),
		Authenticate:  NewAuthenticate(issuer, clock),
		Me:            NewMe(users),
		UpdateProfile: NewUpdateProfile(users, clock),
		DeleteAccount: NewDeleteAccount(users),
	}, nil
}
