// The CA bundle published in every namespace. Nothing verifies against it (the sandbox's TLS comes from its host),
// but pods mount it and learners look at it, so it has the shape of a real one.
export const clusterCA = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIUmFuZG9tQ0EwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNjAxMDEwMDAwMDBaFw0zNjAxMDEwMDAwMDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
AoIBAQDGc2FuZGJveC1jbHVzdGVyLWNhLW5vdC1mb3ItdmVyaWZpY2F0aW9uLXNh
bmRib3gtY2x1c3Rlci1jYS1ub3QtZm9yLXZlcmlmaWNhdGlvbi1zYW5kYm94LWNs
dXN0ZXItY2Etbm90LWZvci12ZXJpZmljYXRpb24tc2FuZGJveC1jbHVzdGVyLWNh
LW5vdC1mb3ItdmVyaWZpY2F0aW9uAgMBAAGjWTBXMA4GA1UdDwEB/wQEAwICpDAP
BgNVHRMBAf8EBTADAQH/MB0GA1UdDgQWBBRzYW5kYm94LWNsdXN0ZXItY2EwFQYD
VR0RBA4wDIIKa3ViZXJuZXRlczANBgkqhkiG9w0BAQsFAAOCAQEAc2FuZGJveA==
-----END CERTIFICATE-----
`;
