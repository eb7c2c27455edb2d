using Vaccination.Application.Access;
using Vaccination.Application.Callers;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.UnitTests.Access;

public sealed class AccessPolicyTests
{
    private static readonly MunicipalityCode Asahikawa = MunicipalityCode.Parse("012041");
    private static readonly Tenant AsahikawaTenant = new(Asahikawa, "Asahikawa", "Hokkaido", 20, true, 16);
    private static readonly Tenant Chiyoda = new(MunicipalityCode.Parse("131016"), "Chiyoda", "Tokyo", 5, false, 4);

    [Fact]
    public void Permits_StaffWithGrant_IsPermitted() =>
        Assert.True(AccessPolicy.Permits(new Caller("a", CallerRole.MunicipalStaff, Asahikawa) { HasStaffGrant = true }, [CallerRole.MunicipalStaff]));

    [Fact]
    public void Permits_StaffWithoutGrant_IsRefused() =>
        Assert.False(AccessPolicy.Permits(new Caller("a", CallerRole.MunicipalStaff, Asahikawa), [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator]));

    [Fact]
    public void Permits_AdministratorWithoutGrant_IsPermitted() =>
        Assert.True(AccessPolicy.Permits(new Caller("a", CallerRole.MunicipalAdministrator, Asahikawa), [CallerRole.MunicipalAdministrator]));

    [Fact]
    public void Permits_RoleNotAllowed_IsRefusedEvenWithGrant() =>
        Assert.False(AccessPolicy.Permits(new Caller("a", CallerRole.MunicipalStaff, Asahikawa) { HasStaffGrant = true }, [CallerRole.MunicipalAdministrator]));

    [Theory]
    [InlineData("Hokkaido", true)]
    [InlineData("hokkaido", true)]
    [InlineData("01", true)]
    [InlineData("Tokyo", false)]
    [InlineData("13", false)]
    [InlineData("", false)]
    public void SeesStatisticsOf_Prefecture_SeesItsOwnPrefectureOnly(string prefecture, bool expected) =>
        Assert.Equal(expected, AccessPolicy.SeesStatisticsOf(new Caller("p", CallerRole.Prefecture, null, prefecture), AsahikawaTenant));

    [Fact]
    public void SeesStatisticsOf_National_SeesEveryTenant()
    {
        var national = new Caller("n", CallerRole.National, null);

        Assert.True(AccessPolicy.SeesStatisticsOf(national, AsahikawaTenant));
        Assert.True(AccessPolicy.SeesStatisticsOf(national, Chiyoda));
    }

    [Theory]
    [InlineData(CallerRole.MunicipalAdministrator)]
    [InlineData(CallerRole.MunicipalStaff)]
    [InlineData(CallerRole.Vrs)]
    public void SeesStatisticsOf_MunicipalRoles_SeeNothing(CallerRole role) =>
        Assert.False(AccessPolicy.SeesStatisticsOf(new Caller("m", role, Asahikawa) { HasStaffGrant = true }, AsahikawaTenant));
}
