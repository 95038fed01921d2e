package service

// Connection is the name of the connection the error happened in: the
// console opens the secret replacement of that connection.
func (e *namedError) Connection() string { return e.connection }
