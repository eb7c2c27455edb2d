namespace Vaccination.Application.Certificates.VdsNc;

/// <summary>
/// The X.509 certificate of the ES256 key that signs VDS-NC seals (ICAO "cer"), with the RFC 7638 thumbprint of its
/// public key, which must be the id of the key that signed. In Azure it is issued by the country signing CA for the
/// Key Vault key and configured; in Development it is made from the development key file.
/// </summary>
public sealed record BarcodeSignerCertificate(byte[] Der, string KeyId);
