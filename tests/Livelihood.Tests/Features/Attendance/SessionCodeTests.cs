using Livelihood.Web.Features.Attendance;

namespace Livelihood.Tests.Features.Attendance;

public sealed class SessionCodeTests
{
    [TestCase(1, ExpectedResult = "1-1")]
    [TestCase(31, ExpectedResult = "Z-Z")]
    [TestCase(32, ExpectedResult = "10-*")]
    [TestCase(1234, ExpectedResult = "16J-D", TestName = "A session's code is its id in base 32 and a check symbol")]
    [TestCase(36, ExpectedResult = "14-U")]
    public string Of_writes_the_id_in_crockfords_base_32_with_its_check_symbol(long id) => SessionCode.Of(id);

    [TestCase("16J-D", ExpectedResult = true, TestName = "The code as printed matches")]
    [TestCase(" 16j d ", ExpectedResult = true, TestName = "Case, spaces and dashes do not matter")]
    [TestCase("l6JD", ExpectedResult = true, TestName = "An l typed for a 1 matches")]
    [TestCase("16J-E", ExpectedResult = false, TestName = "A wrong check symbol does not match")]
    [TestCase("16K-D", ExpectedResult = false, TestName = "A mistyped character does not match")]
    [TestCase("16J-Q", ExpectedResult = false, TestName = "Another session's code does not match")]
    public bool Matches_takes_the_code_back_as_people_type_it(string typed) => SessionCode.Matches(typed, 1234);
}
